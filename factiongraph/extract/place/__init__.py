"""Place: where an event happened, geocoded from the KB and the offline gazetteer (``locate``)."""
