"""Supervisors' import and export of record files, run in the background with a cancel."""
