"""postkit: private video embeds and navigation for a post split into pages."""
