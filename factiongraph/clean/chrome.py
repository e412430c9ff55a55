"""Site-chrome rules for scraped news pages: phrases with stable ids, kept as data.

Each rule is a regular expression matched against a whole line after whitespace has been
collapsed (``fullmatch``, case-insensitive). A rule's ``kind`` says what the line does:

- ``chrome``: the line is site furniture (share buttons, policies, navigation) -> boilerplate;
- ``comments``: the line is chrome that opens the reader-comment section (what follows is comments);
- ``related``: the line is chrome that opens a list of other articles (what follows is boilerplate);
- ``source``: an "Article source:" line; its remainder may name the outlet;
- ``comment-meta``: inside the comment section, reply/report buttons and the like.

Rule ids are stable slugs; the id of the rule that fired is kept for every classified line, so
"why is this line boilerplate?" has an answer. Adding a phrase is a data change here, not a code
change elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CHROME = "chrome"
COMMENTS = "comments"
RELATED = "related"
SOURCE = "source"
COMMENT_META = "comment-meta"

# (rule id, kind, pattern). Patterns are anchored by fullmatch on the collapsed line.
RULES: tuple[tuple[str, str, str], ...] = (
    # --- engagement widgets
    ("chrome.like-article", CHROME, r"(?:do|did) you (?:like|enjoy) this (?:article|story|post)\??"),
    ("chrome.helpful", CHROME, r"(?:was|is) this (?:article|story|page) (?:helpful|useful)\??(?: yes no)?"),
    ("chrome.rate", CHROME, r"(?:rate|rating) this (?:article|story).*"),
    # --- comment section openers
    ("comments.count", COMMENTS, r"\d+\s+comments?(?:\s*\(s\))?(?: so far)?:?|comments?\s*(?:\(\s*\d+\s*\)|:?\s*\d+)|comment\(s\)|"
     r"(?:view|show|read|see|load) (?:all )?(?:\d+ )?comments?|be the first to comment[.!]?"),
    # a blog's comment heading: "3 thoughts on "Headline"", "One response to "Headline""
    # (a heading in the article, "Two responses to the crisis", has no quoted title)
    ("comments.thoughts", COMMENTS, r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:thoughts?|responses?|replies|reply|comments?) "
     r"(?:on|to) \"[^\"]{1,200}\":?"),
    ("comments.none", COMMENTS, r"no comments(?: yet)?[:.!]?"),
    ("comments.heading", COMMENTS, r"(?:reader |user |latest |all )?comments:?|discussion:?"),
    ("comments.policy", COMMENTS, r"comment(?:ing)? (?:policy|rules|guidelines)\b.*"),
    ("comments.captcha", COMMENTS, r"captcha\b.*"),
    ("comments.post", COMMENTS, r"(?:post|add|leave|write|submit) (?:a |your )?(?:comment|reply|response)s?[:.!]?"),
    ("comments.leave-reply", COMMENTS, r"leave a reply(?: cancel reply)?"),
    ("comments.join", COMMENTS, r"join the (?:discussion|conversation)[:.!]?|show comments|view comments|see comments"),
    ("comments.closed", COMMENTS, r"comments are closed\.?|you must be (?:logged|signed) in to (?:post|leave|add) a comment\.?"),
    ("comments.email-note", COMMENTS, r"your email address will not be published\.?.*"),
    ("chrome.required-field", CHROME, r"(?:\* )?denotes required fields?\.?|required fields are marked\s*\*?\.?"),
    ("chrome.char-counter", CHROME, r"\d+\s*/\s*\d+(?:\s+characters?(?: left| remaining)?)?"),
    # --- related / more articles
    ("related.heading", RELATED, r"(?:related|recommended|more|latest|other|similar|popular|top) (?:news|articles?|stories|posts|reading|content|coverage|on this topic|analysis|analyses|reports?|research|"
     r"publications|commentary|insights|videos)\s*:?|"
     r"(?:explore|see|find|read) more (?:on|about) (?:these|this|the) (?:topics?|subjects?|stories)\s*:?"),
    ("related.you-may", RELATED, r"you (?:may|might) (?:also )?(?:like|be interested in|enjoy)\s*:?"),
    ("related.most", RELATED, r"(?:most (?:read|popular|viewed|shared)(?: (?:stories|articles|news|videos))?|trending(?: now| topics)?|"
     r"hot topics|editor'?s (?:picks?|choice)|(?:recommended|latest|top|more) videos|(?:sponsored|promoted) (?:links|stories|content))\s*:?"),
    ("related.more-from", RELATED, r"(?:more (?:from|in|on|about) [^.!?]{1,40}|read next|up next|what to read next|keep reading|"
     r"in case you missed it|around the web|recommended(?: for you)?|more stories|related (?:posts|links|topics)|"
     r"further reading|related|also read|read also|see also|must read|don'?t miss|(?:more )?by the same author|"
     r"more by this author|suggested reading|tags|topics|keywords|key words|labels|filed under)\s*:?"),
    ("related.teaser", CHROME, r"[\[(]?(?:related(?: (?:article|story|stories|news|content|coverage|reading|post|video))?|"
     r"also read|read also|also see|see also|must read|don'?t miss|recommended|further reading|read next|up next|"
     r"read|more|see|suggested reading)\s*[:|»›>]\s*.{3,200}?[\])]?"),
    ("related.read-more", CHROME, r"(?:read|see) (?:more|also)\s*:?(?:\s.{0,120})?"),
    # a teaser for a video, a podcast or a photo story: "Watch: Inside a training camp" (no final stop)
    ("related.media", RELATED, r"(?:watch|video|listen|podcast|gallery|in pictures|in photos|photos)\s*:"),
    ("related.media-teaser", CHROME, r"(?:watch|video|listen|podcast|photos|gallery|in pictures|in photos)\s*[:|»›>]\s*"
     r"[^.!?]{3,120}"),
    ("chrome.stay-informed", CHROME, r"stay (?:informed|updated|connected|in the know|up to date)(?: with .{0,60})?[.!]?"),
    ("source.article-source", SOURCE, r"(?:article |original |story )?source\s*:(?P<rest>.{0,160})"),
    # --- page furniture a scraper keeps: script notices, app prompts, agency standards
    ("chrome.enable-script", CHROME, r"(?:please )?(?:enable|turn on) javascript\b.*|javascript is (?:disabled|required)\b.*|"
     r"your browser does not support\b.*"),
    ("chrome.app", CHROME, r"(?:download|get|install) (?:our|the) (?:\w+ )?app\b.{0,60}"),
    ("chrome.standards", CHROME, r"our standards\s*:.{0,80}"),
    ("chrome.licensing", CHROME, r"(?:purchase|acquire|request|buy) (?:licensing|reprint|republishing) rights(?:,? opens new tab)?|"
     r"opens (?:in )?(?:a )?new (?:tab|window)"),
    # --- embedded posts and players: the signature under a quoted post, a bare address, player notices
    ("chrome.embed", CHROME, r"[—–-]?\s*[^()]{1,60}\(@\w{1,30}\)(?:\s+(?:\w{3,9}\.? \d{1,2},? \d{4}|\d{1,2} \w{3,9}\.? \d{4}))?|a post shared by .{1,60}|"
     r"view (?:this|the) post on \w+|watch on \w+|(?:this )?video is (?:unavailable|not available).{0,60}|embed|"
     r"(?:click|tap) to (?:enlarge|expand|unmute|play|zoom)|scroll down for (?:the )?video|related videos?"),
    # a video's running time beside its source: "02:14 - Source: Channel Eight"
    ("chrome.video-duration", CHROME, r"\d{1,2}:\d{2}(?::\d{2})?\s*[-–—|•·]\s*(?:source|credit|video)\s*:\s*[^.!?]{1,40}"),
    ("chrome.address", CHROME, r"(?:https?://|www\.)\S+|pic\.twitter\.com/\S+|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|info|iq|io)(?:/\S*)?"),
    # --- share / print / subscribe / login
    ("chrome.share", CHROME, r"(?:like this:?|like loading\.*|e-?mail (?:this |it )?to a friend|share|share this|share this (?:article|story|post|page)|share (?:on|via) \w+|tweet|email|e-mail|print|print this (?:article|page)|copy link|whatsapp|facebook|twitter|telegram|linkedin|reddit|pinterest)[:!]?"),
    ("chrome.share-row", CHROME, r"(?:(?:share(?: to| on)?|email this|blogthis!?|facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|email|print)[\s|,/·•]*){2,}"),
    ("chrome.share-prefix", CHROME, r"(?:share(?: this)?(?: article| story| post| page)?|share on|follow us(?: on)?)\s*[:|]?\s*"
     r"(?:(?:facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|email|e-mail|print|messenger|copy link|"
     r"instagram|youtube|tiktok|threads|bluesky|mail|fb|tw|wa|tg|li|yt|ig)[\s|,/·•]*)+"),
    ("chrome.follow", CHROME, r"like us on \w+|follow(?: us)?(?: (?:on|at) [^.!?]{1,60})?:?|follow\b[^.!?]{0,60}\bon (?:facebook|twitter|x|"
     r"instagram|telegram|whatsapp|tiktok|youtube|linkedin|threads|bluesky)\b[^.!?]{0,80}\.?|follow @\S{1,40}|follow (?:this|the) (?:topic|author|story)"),
    ("chrome.short-url", CHROME, r"short (?:url|link)|permalink|copy (?:the )?(?:url|link)(?: copied!?)?|link copied!?|copied!?"),
    ("chrome.article-action", CHROME, r"(?:email|e-mail|print|save|bookmark|share|send|gift|give|listen to|download) "
     r"(?:this |the )?(?:article|story|page|post|report)|save|saved|bookmark|listen|(?:watch|play)(?: the)?(?: video)?|"
     r"download(?: the)?(?: full)?(?: report| pdf| article| as pdf)?(?: \(.{1,20}\))?|"
     r"(?:view\s*/\s*print|view|print|save)(?: this)?(?: page| article| report)? as (?:a )?pdf"),
    ("chrome.font-size", CHROME, r"(?:a\s*[+-]?\s*){2,3}|(?:font|text) size.{0,20}"),
    ("chrome.join-channel", CHROME, r"join (?:us|our)\b.{0,50}\b(?:channel|telegram|whatsapp|newsletter|community|mailing list)\b.{0,40}"),
    ("chrome.click-here", CHROME, r"(?:click|tap) here\b.{0,120}"),
    ("chrome.inbox", CHROME, r".{0,80}\b(?:in|to|into) your inbox\b.{0,80}"),
    # a sign-up prompt, also after a word of thanks: "Thanks for reading X! Subscribe for free to ..."
    ("chrome.subscribe", CHROME, r"(?:thanks?(?: you)? for reading\b[^.!?]{0,60}[.!]\s*)?(?:(?:subscribe|sign up|register)(?: now| today| here| for free)?[.!:]?|(?:subscribe|sign up)(?: now| today)? (?:to|for) .{0,160})|(?:type|enter) your e-?mail(?: address)?\W{0,4}"),
    ("chrome.newsletter", CHROME, r"(?:get|receive) (?:our|the) (?:\w+ ){0,3}(?:newsletters?|briefings?|bulletins?|digests?|"
     r"news alerts?)\b.{0,80}|newsletter sign[- ]?up|(?:don'?t|never) miss (?:out on )?(?:the latest|a story|an update)\b.{0,60}|"
     r"(?:[^.!?]{0,60}[.!?]\s+)?[^.!?]{0,80}\bby (?:signing|subscribing) (?:up )?(?:for|to) our (?:\w+ )?(?:newsletter|alerts|emails?)\b.{0,40}|"
     r"(?-i:[A-Z])[\w'&-]*(?: (?:(?-i:[A-Z])[\w'&-]*|at|of|the|and|in|on|&)){0,5} (?:newsletter|briefing|digest)"),
    # a feed's footer: "The post <headline> appeared first on <site>."
    ("chrome.feed-footer", CHROME, r"the post .{1,200} appeared first on .{1,80}"),
    ("chrome.login", CHROME, r"(?:log ?in|sign ?in|log ?out|sign ?out|login|logout|register|my account|create (?:an )?account)(?: / (?:register|sign up))?"),
    ("chrome.feed", CHROME, r"subscribe to:.*|post comments \(atom\)|newer posts?\s*older posts?.*|older posts?|newer posts?|home"),
    ("chrome.blogger-posted", CHROME, r"posted by .{1,60} at \d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?|labels?:.*"),
    # a byline with its date and counters: "Posted by admin on March 3, 2024 | 12 Comments"
    ("chrome.posted-by", CHROME, r"(?:posted|written|published|submitted) by [^.!?|•]{1,40}?"
     r"(?: (?:on|at) [\w ,:/.-]{4,30}?)?(?:\s*[|•·]\s*(?:\d+ comments?|no comments|\d[\d,.]*k? views))*"),
    # --- page furniture: reading time, languages, contents, series
    ("chrome.read-time", CHROME, r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]*min(?:ute)?s?\.?"
     r"(?: read| reading| listen)?|(?:estimated |est\. )?reading time\s*:?.{0,24}|listen to (?:this|the) (?:article|story).{0,30}|"
     r"read in (?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten) min(?:ute)?s?"),
    # a section label beside the reading time: "Iraq News | 3 Min Read"
    ("chrome.label-read-time", CHROME, r"[^|•·]{1,30}\s*[|•·]\s*(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)"
     r"[\s-]*min(?:ute)?s?\.?(?: read| reading| listen)?"),
    # engagement counters: "Share 12 Tweet 5", "1.2k shares", "348 views"
    ("chrome.share-counts", CHROME, r"(?:(?:(?:shares?|tweets?|likes?|pins?|views?|reads?)\s*:?\s*\d[\d,.]*k?|"
     r"\d[\d,.]*k?\s*(?:shares|tweets|likes|pins|views|reads|restacks|reposts|retweets|reactions|claps|upvotes))[\s|,·•]*)+"),
    ("chrome.page-counters", CHROME, r"(?:total |page )?(?:views|visits|visitors|hits|reads|word count|words)\s*:\s*\d[\d,.]*k?|"
     r"estimated read(?:ing)?(?: time)?\s*:?\s*\d{1,3}\s*min(?:ute)?s?|print friendly\b.{0,30}"),
    # a gallery's position: "Photo Gallery 1 of 8", "Image 3 of 12"
    ("chrome.gallery-count", CHROME, r"(?:(?:photo|image|picture|slide)s?(?: gallery)?\s*:?\s*)?\d{1,3}\s+of\s+\d{1,3}"),
    ("chrome.languages", CHROME, r"(?:this (?:article|page|story|report|post) is )?(?:also )?available in\b.{0,120}|"
     r"read (?:this|it) in \w+.{0,40}|(?:other )?languages?\s*:.{0,120}|(?:other )?languages"),
    ("chrome.contents", CHROME, r"(?:table of )?contents|(?:toggle|hide|show) (?:the )?(?:table of contents|contents|menu|navigation|sidebar)|"
     r"toggle|hide|jump to (?:navigation|search|content|main content)|from wikipedia,? the free encyclopedia|\[?edit\]?|"
     r"edit (?:this page|source)|view history|in this (?:article|story)\s*:?|references|external links|notes|bibliography|"
     r"\^\s.{0,300}"),
    # a series label ends at the series' name: "The latest in a series of attacks killed ..." is reporting
    ("chrome.series", CHROME, r"this (?:article|story|piece|report|post|essay|commentary|analysis|brief|op-ed) is (?:a )?part of "
     r"(?:a|an|our|the) [^.,;]{0,60}\b(?:project|program|programme|initiative|collection)\.?|"
     r"(?:this (?:article|story|piece|report|post|essay) is )?part (?:\d{1,2} |one |two |three |four |five )?"
     r"of (?:a|an|our|the) [^.,;]{0,60}\bseries(?: (?:on|about) [^.,;]{1,60}|\s*:\s*[^.!?]{1,80})?[.:]?|part \d{1,2} of \d{1,2}|"
     r"series\s*:.{1,100}|(?:or )?see (?:also )?part (?:\d{1,2}|one|two|three|four|five)\s*:.{1,100}|(?:from|in) (?:the|our) (?:\S+ ){0,5}series(?: (?:on|about) [^.,;]{1,60})?|"
     r"(?:the )?(?:first|second|third|fourth|fifth|sixth|last|final|latest|\d{1,2}(?:st|nd|rd|th)) (?:in|of) "
     r"(?:a|an|our|the) [^.,;]{0,50}\bseries(?: (?:on|about) [^.,;]{1,60})?"),
    ("chrome.ad-break", CHROME, r"(?:advertisement|ad)\s*[-–—:]?\s*scroll to continue.{0,40}|scroll to continue.{0,40}|"
     r"(?:story|article) continues(?: below| after .{0,40})?|continue reading(?: below| (?:the )?(?:main |full )?(?:article|story))?|"
     r"(?:read|see) the full (?:story|article|report|statement)(?: here)?|full (?:story|article)|"
     r"(?:subscribe|log in|sign in) to (?:continue|keep) reading|you have \d+ free (?:articles?|stories) (?:left|remaining)\b.{0,40}|"
     r"already a (?:subscriber|member)\?.{0,40}"),
    ("chrome.credits", CHROME, r"\(?(?:additional )?(?:reporting|writing|editing|compiled|translated|translation) by .{1,160}|"
     r"[^.!?]{1,160}\bcontributed(?: reporting)? to this (?:report|story|article)\.?\)?"),
    # a staff credit as a field: "Editor: Hassan Ali", "Translated by: ..."
    ("chrome.staff-field", CHROME, r"(?:(?:web|news|copy|senior|managing|chief|desk|photo|video|online) )?(?:editor|editing|edited by|writer|written by|reporter|reporting|author|authors|translator|"
     r"translated by|translation|prepared by|compiled by|photographer|photos? by)\s*:\s*(?:[^\s!?]+\s+){0,5}[^\s!?]+"),
    # what a page says about where its text appeared or how old it is
    ("chrome.print-note", CHROME, r"a version of this (?:article|story|report) (?:appears|appeared|was published) in print\b.{0,300}|"
     r"this (?:article|story|page|report) is (?:more than|over) (?:\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten) "
     r"(?:years?|months?) old|reuse (?:this|our) content|more about [^.!?]{2,40}"),
    # a press office's contact block: "For more information, please contact:", "Media contact: ..."
    ("chrome.contact", CHROME, r"(?:for (?:more|further) information|media (?:contacts?|enquiries|inquiries)|press contacts?)"
     r"\b[^.!?]{0,40}\b(?:contact|call|email|write)?\b.{0,80}|(?:contact|media contact|press contact)\s*:.{0,80}"),
    ("chrome.email-line", CHROME, r"(?:[^\s@]+\s+){0,10}[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?:\s+\S+){0,4}"),
    # lines with no letter or digit ("***", "___", "·"): rules and separators
    ("chrome.separator", CHROME, r"[^\w]{1,12}|_{1,40}"),
    # a counter alone ("12", "3") beside the share buttons
    # (a year alone may head a timeline's entries: "2014" / "The group seized Mosul.")
    ("chrome.bare-number", CHROME, r"(?:[^\w\s]{1,3}\s*)?(?!(?:19|20)\d\d$)\d[\d,.]*k?|hits\s*:?\s*\d[\d,.]*|[$€£]\s?\d[\d,.]*|\d[\d,.]*\s?[$€£]"),
    ("chrome.donate", CHROME, r"(?:donate|give|make a (?:gift|donation)|support us)(?: now| today| here)?[.!]?"),
    ("chrome.disclaimer", CHROME, r"disclaimer\b.{0,300}|the (?:views|opinions) expressed (?:here\b|(?:in|by) (?:this|the|these|our|its) "
     r"(?:article|piece|column|post|blog|commentary|op-ed|analysis|report|authors?|writers?|contributors?)\b).{0,300}|"
     r"(?:the )?(?:views|opinions) expressed (?:are|here are|in this \w+ are) (?:those|solely those|the) (?:of the )?"
     r"(?:authors?|writers?|contributors?)(?:'s?)?(?: own)?\b.{0,100}|"
     r".{0,120}\b(?:views|opinions)\b.{0,80}\bdo(?:es)? not necessarily (?:reflect|represent)\b.{0,200}"),
    ("chrome.support-us", CHROME, r"(?:support|fund) (?:our|independent|quality) (?:journalism|reporting|work)\b.{0,160}|"
     r"(?:[^.!?]{0,120}[.!?]\s+){0,3}support our (?:independent )?(?:journalism|reporting|work|research)\b.{0,160}|"
     r".{0,200}\b(?:republish(?:ing)?|reprint(?:ing)?|syndicat(?:e|ing)) this (?:content|article|story|report)\b.{0,200}|"
     r"become a (?:member|subscriber|supporter|patron)\b.{0,120}"),
    ("chrome.staff", CHROME, r"(?:(?!of\b)(?-i:[A-Z])[\w'-]* ){0,4}(?:staff(?: writer| reporter)?s?|news ?desk|web desk|editorial (?:team|staff|board)|newsroom)"
     r"(?: (?:and|&) (?:agencies|wires|agency))?|agencies|(?:by |from )?our (?:own )?(?:special )?(?:correspondents?|reporters?)"
     r"(?: in (?-i:[A-Z])[\w'-]+(?: (?-i:[A-Z])[\w'-]+)?)?|reporting from (?-i:[A-Z])[\w'-]+(?: (?-i:[A-Z])[\w'-]+)?"),
    # --- navigation, registrars, ads
    ("chrome.nav-word", CHROME, r"(?:menu|search|skip to (?:main )?content|back to top|go to top|main menu|navigation|close|open|next|previous|next article|previous article|advertisement|advertising|sponsored(?: content)?|ad|(?:video )?ad feedback|loading\.*|logo|(?:site )?logo image|illustration|translate|enlarge|expand|zoom|"
     r"(?:open|view|enlarge) (?:image|photo|picture)|image|comment|show more|load more|see more|see all|view all|promoted|"
     r"partner content|paid (?:content|post|partnership)|pin|save for later|read later|add to (?:my )?reading list|paid|premium|(?:subscribers?|members?) only)"),
    ("chrome.registrar", CHROME, r"(?:domain (?:name )?(?:registration|names?|search|transfer)|web ?hosting|website builder|buy (?:a |this )?domain.*|this domain (?:is|may be) for sale.*|cheap domains?)"),
    # (the canonical text writes "»" as a straight quote: "Home " Middle East " Iraq")
    ("chrome.breadcrumb", CHROME, r"[^|>»›]{1,30}(?:\s*(?:\||>|»|›)\s*[^|>»›]{1,30}){2,}|[^\"|]{1,30}(?:\s\"\s[^\"|]{1,30}){2,}|"
     r"(?-i:[A-Z])[^\s|>»›.!?]*(?: [^\s|>»›.!?]+){0,3}\s*[>»›]\s*(?-i:[A-Z])[^\s|>»›.!?]*(?: [^\s|>»›.!?]+){0,2}"),
    # a photo line that holds only a credit (capitalised names), no description of the picture
    ("chrome.photo-credit", CHROME, r"(?:(?:photo|image|picture|photograph)s?(?: credit)?|credits?)\s*[:/]\s*(?-i:[A-Z0-9])[\w.'&-]*"
     r"(?:(?:\s+|\s*/\s*|\s+via\s+)(?-i:[A-Z0-9])[\w.'&-]*){0,4}|(?:file|archive|handout|supplied) (?:photo|picture|image)s?|"
     r"(?:photo|image|picture|video)s? (?:via|from|courtesy of) (?:social media|the internet|[\w.'&-]+(?: [\w.'&-]+){0,2})|"
     r"screen ?(?:shot|grab)s?|courtesy(?: photo| image)?"),
    # a picture agency's credit alone under a photo: "Getty Images", "AFP", "EPA-EFE/Name"
    ("chrome.agency-credit", CHROME, r"(?:afp|ap|ap photo|reuters|epa(?:-efe)?|getty images|anadolu(?: agency)?|xinhua|dpa|upi|"
     r"shutterstock|alamy|sipa|abaca)(?:\s*(?:/|via|,)\s*(?-i:[A-Z])[\w.'-]*(?:\s+(?-i:[A-Z])[\w.'-]*){0,3}){0,2}"),
    ("chrome.image-source", CHROME, r"(?:image|photo|picture) (?:source|credit)s?\s*[,:].{0,80}"),
    ("chrome.posted-in", CHROME, r"(?:posted|filed|published) (?:in|under)\s*:? [^.!?]{1,80}"),
    # a journal's issue: "Vol. 4, No. 3", "Issue 12 | March 2031", "Spring 2031"
    ("chrome.issue", CHROME, r"(?:vol(?:ume)?\.?\s*\d{1,3},?\s*)?(?:no\.|number|issue)\s*\d{1,3}(?:\s*[|,•·-]\s*[\w ]{1,20})?|"
     r"(?:spring|summer|autumn|fall|winter) (?:19|20)\d\d"),
    ("chrome.tags", CHROME, r"(?:tags|tagged|filed under|categories|category|topics|keywords|key words|sections?|in|service)\s*:.*"),
    # a page's record fields: "News ID: 482913", "Rating: 4.5"
    ("chrome.page-fields", CHROME, r"(?:news|article|story|post|content) (?:code|id|no\.?|number)\s*:?\s*\d+|rating\s*:\s*[\d.]+(?:\s*/\s*\d+)?"),
    ("chrome.comments-off", CHROME, r"comments? (?:off|closed|disabled) (?:on|for) .{1,200}"),
    # --- legal
    ("chrome.copyright", CHROME, r"(?:©|\(c\)|copyright\b).{0,160}|.{0,120}\ball rights reserved\.?.{0,60}"),
    ("chrome.cookies", CHROME, r".{0,80}\b(?:we use cookies|this (?:web)?site uses cookies|cookie (?:policy|settings|preferences)|accept (?:all )?cookies)\b.{0,200}|"
     r"by continuing to (?:browse|use|visit)\b.{0,80}\b(?:cookies|privacy|terms)\b.{0,120}|we (?:value|respect) your privacy\.?|"
     r"(?:accept|reject|decline)(?: all)?|manage (?:preferences|cookies|settings|consent|options)|"
     r"i (?:agree|accept)\b.{0,60}\b(?:terms|privacy)\b.{0,40}"),
    ("chrome.legal-links", CHROME, r"(?:privacy policy|terms of (?:use|service)|terms and conditions|contact us|about us)(?:\s*[|·•-]\s*(?:privacy policy|terms of (?:use|service)|terms and conditions|contact us|about us|advertise))*"),
)


@dataclass(slots=True, frozen=True)
class ChromeRule:
    """One compiled chrome rule."""

    rule_id: str
    kind: str
    pattern: re.Pattern[str]


@dataclass(slots=True, frozen=True)
class ChromeMatch:
    """The rule that matched a line, and the line's remainder when the rule captures one."""

    rule_id: str
    kind: str
    rest: str


_MAX_CHROME_WORDS = 40
_SPACE = re.compile(r"\s+")
_BULLETS = " •·∙●▪■►▸→»›|*-–—"
_SEGMENT = re.compile(r"\s+[•·∙●▪|]\s+")


def compile_rules(rules: tuple[tuple[str, str, str], ...] = RULES) -> tuple[ChromeRule, ...]:
    """Compile the rule table; raises ``re.error`` naming nothing else, so keep patterns tested."""
    return tuple(ChromeRule(rid, kind, re.compile(pat, re.IGNORECASE)) for rid, kind, pat in rules)


def collapse_line(line: str) -> str:
    """Return ``line`` with runs of whitespace collapsed and the ends stripped."""
    return _SPACE.sub(" ", line).strip()


def match_chrome(line: str, rules: tuple[ChromeRule, ...]) -> ChromeMatch | None:
    """Return the first chrome rule that matches the whole line, or None.

    Long lines are never chrome: a 40-word paragraph that starts with "Share" is reporting.
    """
    whole = collapse_line(line)
    collapsed = whole.strip(_BULLETS)
    if not collapsed:
        return ChromeMatch("chrome.separator", CHROME, "") if whole else None
    if len(collapsed.split()) > _MAX_CHROME_WORDS:
        return None
    found = _match_whole(collapsed, rules)
    if found is None and collapsed[:1] + collapsed[-1:] in ("()", "[]"):
        found = _match_whole(collapsed[1:-1].strip(), rules)  # "(Story continues below)", "[Advertisement]"
    if found is not None:
        return found
    # widgets printed on one line and set off by bullets: "Advertisement · Scroll to continue"
    segments = [s.strip(_BULLETS) for s in _SEGMENT.split(collapsed)]
    if len(segments) >= 2 and all(segments):
        matches = [_match_whole(segment, rules) for segment in segments]
        if all(m is not None and m.kind == CHROME for m in matches):
            return ChromeMatch("chrome.segments", CHROME, "")
    return None


def _match_whole(text: str, rules: tuple[ChromeRule, ...]) -> ChromeMatch | None:
    for rule in rules:
        found = rule.pattern.fullmatch(text)
        if found:
            rest = found.groupdict().get("rest") or ""
            return ChromeMatch(rule.rule_id, rule.kind, rest.strip())
    return None
