"""Citing the edition: what a reader copies into a paper or a reference manager.

    version.py    the version of the text a citation points to (a release's name, or the date
                  of the source and its commit), and the permanent address it is published at
    formats.py    APA 7, Chicago, BibTeX and RIS of a section, the whole edition or the article
    bibtex.py     BibTeX and RIS written safely
    sections.py   "Cite this section" after each H2/H3 of a content page
    metadata.py   Highwire citation_*, Dublin Core, OpenGraph and JSON-LD for each page's <head>
"""
