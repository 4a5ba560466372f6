"""The ``recommended`` ruleset's style and governance checks (SF100-SF149), named as Spectral or Redocly name them."""
