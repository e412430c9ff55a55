"""Wire the stages together: ingest -> clean -> nlp -> resolve -> extract -> store.

This is the only module that imports more than one stage package. Each stage is built once
(``Pipeline.__init__``) and called per document; the store is written through one connection,
one transaction per batch with a savepoint per document (each document all or nothing). A failure inside a stage for one document becomes a rejection with
reason ``pipeline-error``: the run goes on.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, date, datetime
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from itertools import chain
from typing import TYPE_CHECKING, Any, BinaryIO

from factiongraph.clean import Cleaner
from factiongraph.engine import Engine, InFlight, start_engine
from factiongraph.engine.heap import GC_YOUNG_THRESHOLD, long_lived_heap
from factiongraph.extract import DocContext, Extractor
from factiongraph.extract.events.coref import match_event, may_be_same_event, merge_events
from factiongraph.ingest import IngestOptions, estimate_similarity, iter_inputs, lsh_bands, minhash_signature
from factiongraph.ingest.manifest import Manifest
from factiongraph.kb import KnowledgeBase, load_kb
from factiongraph.model import Document, EntityType, RawDocument, Rejection, RejectionReason
from factiongraph.model.numeric_dates import COLLECTION_PREFIX, collection_order
from factiongraph.model.result import DocumentResult
from factiongraph.model.summary import RunSummary
from factiongraph.settings import Settings
from factiongraph.store.base import Store

if TYPE_CHECKING:
    from factiongraph.nlp import NlpPipeline
    from factiongraph.resolve import Resolver

__all__ = ["GC_YOUNG_THRESHOLD", "Pipeline", "ProgressHook", "RunSummary"]

log = logging.getLogger(__name__)


ProgressHook = Callable[[RunSummary, str], None]


@dataclass(slots=True)
class _Pending:
    document: Document
    signature: tuple[int, ...]
    bands: list[str]


class Pipeline:
    """All stages, built once from settings and the knowledge base.

    Args:
        settings: the run's settings.
        kb: a loaded knowledge base (loaded from ``settings.kb_paths`` when omitted).
        analyze: run nlp/resolve/extract after cleaning (False stores cleaned documents only).
    """

    def __init__(self, settings: Settings, kb: KnowledgeBase | None = None, *, analyze: bool = True,
                 today: date | None = None) -> None:
        self.settings = settings
        self.today = today if today is not None else datetime.now(UTC).date()
        """The ingest day: no event of an undated document is dated after it."""
        self.kb = kb if kb is not None else load_kb(settings.kb_paths)
        self._outlet_records = self.kb.by_type(EntityType.MEDIA_OUTLET)
        self.cleaner = self._make_cleaner(settings.numeric_date_order)
        self._base_date_order = settings.numeric_date_order
        self.analyze = analyze
        self._nlp: NlpPipeline | None = None
        self._resolver: Resolver | None = None
        self._extractor: Extractor | None = None
        self._engine: Engine | None = None
        self._inflight: tuple[list[_Pending], InFlight] | None = None
        self.apart: frozenset[frozenset[str]] = frozenset()
        """Pairs of entity ids reviewers judged different, read from the store when a run starts."""
        self.ingest_options = IngestOptions.from_settings(settings)

    def _make_cleaner(self, numeric_date_order: str) -> Cleaner:
        records = self._outlet_records
        return Cleaner(
            outlet_names=[n for r in records for n in (r.name, *r.aliases)], numeric_date_order=numeric_date_order,
            canonical_outlets={n: r.name for r in records for n in (r.name, *r.aliases)},
            wire_agencies=[n for r in records if r.attributes.get("kind") == "wire_agency" for n in (r.name, *r.aliases)],
        )

    def _learn_date_order(self, specs: Sequence[str | RawDocument], summary: RunSummary) -> None:
        """With ``numeric_date_order: auto``, read the collection's convention for numeric dates.

        The local files a run names are read once before the run (URLs, feeds and standard input
        are not fetched twice): when the documents that show a day/month order all show the same
        one, a document that shows none reads its ambiguous dates that way ("03/04/2012" in an
        incident log whose other entries write "02/23/2012"). The settings of this run say
        ``auto/dmy`` or ``auto/mdy``; the summary says which and from how many documents.
        """
        if self._base_date_order != "auto":
            return
        paths = [s for s in specs if isinstance(s, str) and s != "-" and "://" not in s]
        read = (item.text for item in iter_inputs(paths, self.ingest_options) if isinstance(item, RawDocument))
        order, shown = collection_order(chain(read, (s.text for s in specs if isinstance(s, RawDocument))))
        value = f"{COLLECTION_PREFIX}{order}" if order is not None else "auto"
        if order is not None:
            summary.date_convention = f"{order} ({shown} documents show it)"
            log.info("numeric dates: the collection writes %s (%d documents show it)", order, shown)
        if value == self.settings.numeric_date_order:
            return
        if self._engine is not None:
            log.info("numeric dates: workers already started keep their convention")
            return
        self.settings = replace(self.settings, numeric_date_order=value)
        self.cleaner = self._make_cleaner(value)
        self._extractor = None

    # -- stage construction (lazy: building spaCy costs a second) ----------------------------
    @property
    def nlp(self) -> NlpPipeline:
        """Return the NLP stage, building it on first use."""
        if self._nlp is None:
            from factiongraph.nlp import NlpPipeline

            self._nlp = NlpPipeline(self.settings.spacy_model, self.kb, ner_labels=self.settings.ner_labels,
                                    parse=self.settings.parse)
        return self._nlp

    @property
    def resolver(self) -> Resolver:
        """Return the resolve stage, building it on first use."""
        if self._resolver is None:
            from factiongraph.resolve import Resolver

            self._resolver = Resolver(self.kb, self.apart)
        return self._resolver

    @property
    def extractor(self) -> Extractor:
        """Return the extract stage, building it on first use."""
        if self._extractor is None:
            self._extractor = Extractor(self.kb, today=self.today, numeric_date_order=self.settings.numeric_date_order)
        return self._extractor

    # -- the run ------------------------------------------------------------------------------
    def run(
        self,
        specs: Sequence[str | RawDocument],
        store: Store,
        *,
        stdin: BinaryIO | None = None,
        progress: ProgressHook | None = None,
        manifest: Manifest | None = None,
    ) -> RunSummary:
        """Ingest ``specs`` into ``store`` and return the run summary.

        ``specs`` are paths, folders, globs, URLs and ``-`` (see ``iter_inputs``), or RawDocuments
        made by the caller (the Python API's texts), which skip reading.
        ``manifest`` lays its rows' metadata over the documents it names (see
        :mod:`factiongraph.ingest.manifest`); its problems are in ``summary.manifest``.
        """
        self.apart = store.apart_pairs() if self.analyze else frozenset()
        if self._resolver is not None:
            self._resolver.apart = self.apart
        learned = RunSummary()
        self._learn_date_order(specs, learned)
        with long_lived_heap(self._build_stages):
            summary = self._run(specs, store, stdin=stdin, progress=progress, manifest=manifest)
        summary.date_convention = learned.date_convention
        if manifest is not None:
            summary.manifest = manifest.stats()
            for problem in summary.manifest["problems"]:
                log.info(problem)  # the CLI prints them with the summary
        return summary

    def _build_stages(self) -> None:
        """Build the stages this process runs (workers build their own)."""
        if self.analyze and not self.parallel:
            self.nlp, self.resolver, self.extractor  # noqa: B018 - properties build on access

    @property
    def parallel(self) -> bool:
        """Return True when nlp/resolve/extract run in an engine's workers (workers > 1, or Ray)."""
        return self.settings.workers > 1 or self.settings.engine != "local"

    def _run(self, specs: Sequence[str | RawDocument], store: Store, *, stdin: BinaryIO | None,
             progress: ProgressHook | None, manifest: Manifest | None) -> RunSummary:
        summary = RunSummary()
        started = time.perf_counter()
        batch: list[_Pending] = []
        batch_hashes: set[str] = set()  # this batch's and the batch in flight in the workers
        for item in self._inputs(specs, stdin):
            summary.seen += 1
            label = item.source
            if manifest is not None and not isinstance(item, Rejection):
                item = manifest.apply(item)
            if isinstance(item, Rejection):
                summary.rejections.append(item)
                log.warning(item.line())
            elif store.has_document(item.content_hash) or item.content_hash in batch_hashes:
                summary.duplicates += 1
            else:
                pending = self._clean(item, summary)
                if pending is not None:
                    batch.append(pending)
                    batch_hashes.add(item.content_hash)
            if len(batch) >= self.settings.batch_size * max(1, self.settings.workers):
                written = self._flush(batch, store, summary)
                batch, batch_hashes = [], {p.document.doc_id for p in written}
            if progress is not None:
                progress(summary, label)
        try:
            if batch:
                self._flush(batch, store, summary)
            self._drain(store, summary)
        finally:
            self.close()
        summary.seconds = time.perf_counter() - started
        if progress is not None:
            progress(summary, "")
        return summary

    def _inputs(self, specs: Sequence[str | RawDocument], stdin: BinaryIO | None) -> Iterator[RawDocument | Rejection]:
        """Yield what the specs name, in order; a RawDocument given directly (a text) passes through."""
        names: list[str] = []
        for spec in specs:
            if isinstance(spec, RawDocument):
                yield from iter_inputs(names, self.ingest_options, stdin=stdin)
                names = []
                yield spec
            else:
                names.append(spec)
        yield from iter_inputs(names, self.ingest_options, stdin=stdin)

    def _clean(self, raw: RawDocument, summary: RunSummary) -> _Pending | None:
        try:
            cleaned = self.cleaner.clean(raw)
        except Exception as exc:  # a bug on one input must not end the run
            log.exception("clean failed for %s", raw.source)
            cleaned = Rejection(raw.source, RejectionReason.PIPELINE_ERROR, f"clean failed: {exc!r}")
        limit = self.settings.max_text_chars
        if self.analyze and isinstance(cleaned, Document) and len(cleaned.text) > limit:
            cleaned = Rejection(raw.source, RejectionReason.TOO_LARGE,
                                f"cleaned text has {len(cleaned.text)} characters > limit {limit} (max_text_chars)")
        if isinstance(cleaned, Rejection):
            summary.rejections.append(cleaned)
            log.warning(cleaned.line())
            return None
        content = " ".join(cleaned.text[b.start:b.end] for b in cleaned.content_spans())
        signature = minhash_signature(content)
        return _Pending(cleaned, signature, lsh_bands(signature))

    def _flush(self, batch: list[_Pending], store: Store, summary: RunSummary) -> list[_Pending]:
        """Analyse a batch and write it; return the batch still in flight (its hashes are not stored yet).

        With an engine (worker processes or Ray actors, :mod:`factiongraph.engine`) the batch
        is handed to its workers and this call writes the previous batch while they run, so
        reading, cleaning and storing overlap with the analysis; the cross-document steps
        (near-duplicates, event coreference) run here, in the writer. Batches are written in
        input order either way.
        """
        if self.analyze and self.parallel:
            handle = self._pool_submit([p.document for p in batch])
            self._drain(store, summary)
            self._inflight = (batch, handle)
            return batch
        self._write_batch(batch, self._analyze([p.document for p in batch], summary), store, summary)
        return []

    def _drain(self, store: Store, summary: RunSummary) -> None:
        """Wait for the batch in flight in the workers, if any, and write it."""
        if self._inflight is None:
            return
        batch, handle = self._inflight
        self._inflight = None
        self._write_batch(batch, self._collect(handle.get(), summary), store, summary)

    def _write_batch(self, batch: list[_Pending], results: dict[str, DocumentResult], store: Store,
                     summary: RunSummary) -> None:
        with store.batch():  # one commit per batch; each document is still all or nothing
            self._write_each(batch, results, store, summary)

    def _write_each(self, batch: list[_Pending], results: dict[str, DocumentResult], store: Store,
                    summary: RunSummary) -> None:
        for pending in batch:
            result = results.get(pending.document.doc_id)
            if result is None:
                continue
            result.signature, result.bands = pending.signature, pending.bands
            try:
                superseded = self.link_and_write(result, store)
            except Exception as exc:
                log.exception("store write failed for %s", result.document.source)
                summary.rejections.append(
                    Rejection(result.document.source, RejectionReason.PIPELINE_ERROR, f"store write failed: {exc!r}")
                )
                continue
            summary.count_stored(result, superseded)

    def link_and_write(self, result: DocumentResult, store: Store) -> bool:
        """Link a result to what the store holds (reposts, same events), then write it in one transaction.

        Returns True when it replaced an earlier version of the same source. This is the whole
        per-document store path of a run (the benchmark times it as the store grows).
        """
        self._link_near_duplicate(result, store)
        self._link_events(result, store)
        superseded = store.latest_for_source(result.document.source) is not None
        store.write_result(result)
        return superseded

    def _link_events(self, result: DocumentResult, store: Store) -> None:
        """Fold each event into a stored report of the same happening (cross-document coreference)."""
        linked = []
        people = {e.entity_id for e in result.entities if e.type is EntityType.PERSON}

        def is_person(entity_id: str) -> bool:
            record = self.kb.get(entity_id)
            return entity_id in people or (record is not None and record.type is EntityType.PERSON)
        for event in result.events:
            candidates = store.candidate_events(event.type, event.sub_type, event.date_start,
                                                keep=partial(may_be_same_event, event, ancestors=self._place_ancestors))
            match = match_event(event, candidates, self._place_ancestors, is_person)
            linked.append(event if match is None else merge_events(match, event))
        result.events = linked

    def _place_ancestors(self, place_id: str) -> list[str]:
        return [r.id for r in self.kb.ancestors(place_id)]

    def _link_near_duplicate(self, result: DocumentResult, store: Store) -> None:
        best: tuple[float, str] | None = None
        for doc_id, signature in store.near_duplicate_candidates(result.bands):
            similarity = estimate_similarity(result.signature, signature)
            if similarity >= self.settings.near_duplicate_threshold and (best is None or similarity > best[0]):
                best = (similarity, doc_id)
        if best is not None:
            result.document.near_duplicate_of = best[1]
            result.near_duplicate_score = round(best[0], 3)

    def _analyze(self, docs: list[Document], summary: RunSummary) -> dict[str, DocumentResult]:
        """Run nlp/resolve/extract over a batch (in worker processes when workers > 1)."""
        if not self.analyze:
            return {d.doc_id: DocumentResult(document=d) for d in docs}
        return self._collect(self.analyze_documents(docs), summary)

    def _collect(self, outcomes: list[DocumentResult | Rejection], summary: RunSummary) -> dict[str, DocumentResult]:
        """Count rejections; return the results by document id."""
        results: dict[str, DocumentResult] = {}
        for outcome in outcomes:
            if isinstance(outcome, Rejection):
                summary.rejections.append(outcome)
                log.warning(outcome.line())
            else:
                results[outcome.document.doc_id] = outcome
        return results

    def analyze_documents(self, docs: list[Document]) -> list[DocumentResult | Rejection]:
        """Run nlp, resolve and extract over cleaned documents; a failing document becomes a rejection."""
        out: list[DocumentResult | Rejection] = []
        try:
            annotated = list(self.nlp.annotate_many(docs, batch_size=self.settings.batch_size))
        except Exception:
            log.exception("batch annotation failed; retrying one document at a time")
            annotated = []
            for doc in docs:
                try:
                    annotated.extend(self.nlp.annotate_many([doc], batch_size=1))
                except Exception as exc:
                    out.append(Rejection(doc.source, RejectionReason.PIPELINE_ERROR, f"nlp failed: {exc!r}"))
        for ann in annotated:
            try:
                out.append(self._resolve_and_extract(ann))
            except Exception as exc:
                log.exception("analysis failed for %s", ann.document.source)
                out.append(Rejection(ann.document.source, RejectionReason.PIPELINE_ERROR, f"analysis failed: {exc!r}"))
        return out

    def _pool_submit(self, docs: list[Document]) -> InFlight:
        """Hand a batch to the engine's workers (started on first use); the result arrives later."""
        if self._engine is None:
            self._engine = start_engine(self.settings, self.today, self.apart)
        return self._engine.submit(docs)

    def close(self) -> None:
        """Stop the engine's workers, if any were started."""
        if self._engine is not None:
            self._engine.close()
            self._engine = None

    def _resolve_and_extract(self, ann: Any) -> DocumentResult:
        resolution = self.resolver.resolve(ann.document, ann.mentions)
        ann.document.outlet_id = resolution.outlet_id
        entities = {e.entity_id: e for e in resolution.entities}
        ctx = DocContext(ann.document, ann.spacy_doc, list(resolution.mentions), entities, self.kb,
                         _spacy_text=ann.text or None)
        extraction = self.extractor.extract(ctx)
        return DocumentResult(
            document=ann.document,
            mentions=list(resolution.mentions),
            entities=list(resolution.entities),
            events=extraction.events,
            relations=extraction.relations,
            quotes=extraction.quotes,
            judgements=list(resolution.judgements),
        )
