"""Photos, social cards and story kits: what a page shows that is made from pixels or zipped.

A leaf below validate and pages: `inspect` judges a photo file, `photos` plans and renders its
published variants, `cards` draws social cards, `kit` zips story kits. Nothing here knows pages.
"""
