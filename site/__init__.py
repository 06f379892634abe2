"""The mazpulki.lv project package (the folder is site/, the import name mazpulki)."""
