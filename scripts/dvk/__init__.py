"""dvk: check and publish the exemplars of the "Dân vận khéo" campaign.

The pipeline flows one way: load → validate → model → pages → site. See README.md.
"""
