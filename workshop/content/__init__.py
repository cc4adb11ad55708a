"""Workshop content shipped with the app (picture cards, methods) and upload checks."""
