"""Time: date expressions in text (``expressions``) and the date of one event (``anchoring``)."""
