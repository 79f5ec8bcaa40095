"""`flashpoint watch`: poll feeds, sitemaps and folders on a schedule, ingest what is new, raise and deliver alerts."""
