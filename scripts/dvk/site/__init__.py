"""Stage 5, site: the pages' made files (photos, cards, kits) from the cache, and the tree that
`dvk export-markdown` writes for engines that run no plugins."""
