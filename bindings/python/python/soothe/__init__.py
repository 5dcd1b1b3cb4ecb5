"""soothe: safe, evidence-graded, non-drug self-care suggestions for fibromyalgia cramps,
spasms and trigger points, and plain advice on when to see a clinician instead.

>>> import soothe
>>> engine = soothe.Engine.builtin()
>>> plan = engine.evaluate({"symptoms": [{"kind": "cramp", "location": "calf", "timing": "nocturnal"}]})
>>> plan["urgency"], plan["suggestions"][0]["id"]
('none', 'calf-stretch-before-bed')

This is self-care information, not medical advice.
"""

from ._errors import Item, Location, PackError, ProfileError, SootheError
from . import types
from ._soothe import Engine, __version__

__all__ = [
    "Engine",
    "SootheError",
    "ProfileError",
    "PackError",
    "Location",
    "Item",
    "types",
    "__version__",
]
