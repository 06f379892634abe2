"""Sorting names as a Latvian reader expects."""

import unicodedata

# Letters that Latvian sorts after their base letter; long vowels (ā, ē, ī, ū) sort with theirs.
SEPARATE_LETTERS = {"č": "c~", "ģ": "g~", "ķ": "k~", "ļ": "l~", "ņ": "n~", "š": "s~", "ž": "z~"}


def latvian_order(text):
    """A sort key close to the Latvian alphabet (Python's own order puts Ā after Z)."""
    key = []
    for char in str(text).casefold():
        if char in SEPARATE_LETTERS:
            key.append(SEPARATE_LETTERS[char])
        else:
            decomposed = unicodedata.normalize("NFD", char)
            key.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    return "".join(key), str(text)
