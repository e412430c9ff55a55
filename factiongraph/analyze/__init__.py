"""Analysis over stored claims: network views (profiles and timelines to follow)."""
