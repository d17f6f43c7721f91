"""dvk: check and publish the exemplars (điển hình) of emulation campaigns.

The pipeline flows one way: load → validate → model → pages → site. See README.md.
"""
