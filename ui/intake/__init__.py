"""The intake: the form a counselor fills in while on the phone, one call at a time."""
