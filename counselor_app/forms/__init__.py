"""Form definitions, relevance and validation."""
