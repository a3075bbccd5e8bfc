"""Record bundles: a workstation sends its records; the consolidation vault imports them."""
