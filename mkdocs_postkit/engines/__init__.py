"""Engine adapters: each tells the core what only its engine knows (the page, the nav, where to log)."""
