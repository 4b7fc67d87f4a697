"""Interface text in Indonesian: every word the edition's code shows a reader, by area.

The other language's file has the same areas and keys (tests/test_layers.py compares them).
`edition.locale.words(area, lang)` reads them; an area a language lacks falls back to English.
"""

TEXT = {
    # words around numbers: qualifiers, statuses, categories
    "formats": {
        "qualifiers": {
            "about": "sekitar {}",
            "more-than": "lebih dari {}",
            "less-than": "kurang dari {}",
            "nearly": "hampir {}",
            "projected": "{} (proyeksi)",
        },
        "statuses": {
            "as-stated": "sesuai artikel",
            "derived": "turunan",
            "inconsistent": "tidak konsisten",
        },
        "categories": {
            "core-values": "Nilai inti",
            "middle-range": "Tujuan jangka menengah",
            "long-range": "Tujuan jangka panjang",
            "background": "Latar belakang",
        },
        "unsourced": "tanpa sumber dalam artikel",
        "decades": {
            "early": "awal {}-an",
            "mid": "pertengahan {}-an",
            "late": "akhir {}-an",
            "": "{}-an",
        },
    },
    # the page renderer: tables, the Holsti summary, fact flags
    "render": {
        "table": "Tabel",
        "source": "Sumber",
        "download": "Unduh tabel ini sebagai CSV",
        "inconsistent": "tidak konsisten dalam artikel",
        "category": "Kategori Holsti",
        "interests": "Kepentingan yang diidentifikasi para penulis",
        "key_facts": "Fakta utama",
    },
    # footnotes and full citations of sources
    "footnotes": {
        "accessed": "diakses {}",
        "in_article": "Dalam artikel: {}.",
        "not_in_bib": "Tidak tercantum dalam daftar pustaka artikel.",
        "locators": "Dikutip di sini untuk: {}.",
        "unsourced": ("Tanpa sumber dalam artikel: artikel menyebut angka ini tanpa mengutip "
                      "sumber apa pun, dan edisi ini tidak menambahkannya."),
        "problem": "Catatan tentang rujukan artikel: {}",
        "details": "Rincian sumber",
        "ledger": "Daftar fakta",
        "nd": "t.t.",
        "et_al": "dkk.",
    },
    # charts: captions, descriptions in words, CSV header
    "charts": {
        "chart": "Grafik",
        "source": "Sumber",
        "download": "Unduh data grafik ini sebagai CSV",
        "bars": "Grafik batang.",
        "stacked": "Grafik batang bertumpuk.",
        "series": "Grafik {n} deret menurut tahun.",
        "ranking": "Grafik batang {what}, {n} baris sesuai urutan tabel.",
        "highlighted": "disorot",
        "no_value": "tanpa nilai",
        "total": "total {}",
        "disagree": "Kedua deret berbeda untuk {x}: {values}.",
        "disagree_short": "teks dan gambar tidak sejalan",
        "made_of": "terdiri atas {}",
        "csv_header": ("fact", "label", "value", "unit", "qualifier", "date", "sources"),
    },
    # correction links and errata beside facts and sources
    "notes": {
        "correct": "Koreksi angka ini",
        "correct_some": "Koreksi angka di halaman ini",
        "correct_hint": "untuk mengoreksinya, sunting data/facts.yml, baris {line}",
        "errata": "Ralat",
        "erratum": "lihat ralat",
        "line": "baris {}",
        "correct_source": "Koreksi sumber ini",
        "source_line": "data/sources.yml, baris {}",
        "descriptions": {
            "evidence/facts.md": ("Setiap angka yang dinyatakan artikel, beserta sumbernya "
                                  "sebagaimana diberikan artikel, statusnya, dan bagian yang "
                                  "memakainya."),
            "evidence/sources.md": ("Setiap sumber yang dipakai artikel, sebagaimana tercetak, "
                                    "beserta fakta yang didukungnya dan catatan tentang "
                                    "masalahnya."),
        },
    },
    # the Timeline page
    "timeline": {
        "title": "Lini masa",
        "intro": ("Setiap peristiwa bertanggal yang disebut artikel, dari kekerasan pada akhir "
                  "1980-an hingga KTT Organisasi Negara-Negara Turkik tahun 2021 dan Deklarasi "
                  "Shusha, menurut urutan waktu. Tanggal setiap peristiwa hanya setepat "
                  "tanggal yang dicantumkan artikel, dan sumbernya sama dengan sumber yang "
                  "dirujuk artikel; peristiwa yang dinyatakan artikel tanpa sumber ditandai "
                  "*tanpa sumber dalam artikel*. Tautan mengarah ke bagian-bagian edisi ini "
                  "yang membahas setiap peristiwa. Data peristiwa disimpan di "
                  "`data/events.yml`."),
        "categories": {
            "conflict": "Konflik",
            "ceasefire": "Gencatan senjata",
            "diplomacy": "Diplomasi",
            "cooperation": "Kerja sama militer",
            "political": "Perubahan politik",
        },
        "discussed": "Dibahas di",
        "numbers": "Angka",
        "unsourced": "tanpa sumber dalam artikel",
        "legend": "Jenis peristiwa",
    },
    # the facts ledger and the Sources page
    "ledger": {
        "facts_title": "Daftar fakta",
        "facts_intro": ("Setiap angka yang dinyatakan artikel, beserta sumbernya sebagaimana "
                        "diberikan artikel, statusnya, dan bagian-bagian edisi ini yang "
                        "memakainya. Angka disimpan sekali di `data/facts.yml`; halaman, "
                        "tabel, dan unduhan dibangun darinya. Angka **turunan** dihitung ulang "
                        "dari fakta lain pada setiap build; angka yang **tidak konsisten** "
                        "bertentangan dengan angka lain dalam artikel (catatannya menjelaskan "
                        "pertentangannya); angka bertanda *tanpa sumber dalam artikel* dicetak "
                        "tanpa sumber. Unduh daftar ini sebagai [CSV]({csv}) atau "
                        "[JSON]({json})."),
        "fact": "Fakta",
        "value": "Nilai",
        "date": "Tanggal",
        "sources": "Sumber",
        "status": "Status",
        "used_in": "Dipakai di",
        "computed": "hasil hitung: {}",
        "conflicts": "bertentangan dengan {}",
        "tables_title": "Angka dalam tabel",
        "tables_intro": ("Tabel-tabel artikel disimpan sebagai berkas CSV di `data/tables/`; "
                         "masing-masing ditampilkan beserta sumbernya di [halaman "
                         "tabel]({page}) dan dapat diunduh:"),
        "sources_title": "Sumber",
        "sources_intro": ("Setiap sumber yang dipakai artikel: daftar pustakanya, serta sumber "
                          "yang hanya disebut dalam catatan kaki, di bawah gambar, atau dalam "
                          "teks. Setiap entri menyimpan rujukan persis seperti dicetak "
                          "artikel; bila rujukan itu keliru atau tidak lengkap, catatannya "
                          "menyebutkannya. Unduh sebagai [CSL-JSON]({json})."),
        "printed": "Sebagaimana dicetak dalam artikel",
        "cited_as": "Dikutip dalam artikel sebagai",
        "printed_two": (
            "Sebagaimana dicetak dalam catatan kaki",
            "Sebagaimana dicetak dalam daftar pustaka",
        ),
        "bibliography": "Dalam daftar pustaka artikel",
        "yes": "ya",
        "no": "tidak",
        "supports": "Mendukung",
        "cited_on": "Dikutip di",
        "note": "Catatan",
        "none": "—",
    },
    # the Errata page
    "errata": {
        "title": "Ralat",
        "description": ("Setiap kesalahan yang diketahui dalam artikel dan dalam edisi ini: "
                        "apa yang tercetak, apa yang keliru atau meragukan, buktinya, dan "
                        "statusnya."),
        "intro": ("Setiap kesalahan yang diketahui dalam artikel dan dalam edisi web ini. "
                  "Sebagian besar entri ditemukan oleh proses build itu sendiri: pada setiap "
                  "build, angka, gambar, catatan kaki, dan rujukan artikel diperiksa satu "
                  "terhadap yang lain, dan apa pun yang tidak sesuai dicantumkan di sini. "
                  "Tidak ada yang diperbaiki diam-diam: edisi ini mempertahankan apa yang "
                  "dicetak artikel dan menjelaskan kesalahannya. Ralat tentang sebuah angka "
                  "ditautkan dari angka itu di mana pun angka itu ditampilkan. Untuk menambah "
                  "atau mengoreksi entri, sunting [data/corrections.yml]({edit}) (lihat [Cara "
                  "mengoreksi]({correct}))."),
        "counts": ("{total} entri: {confirmed} terkonfirmasi, {open} terbuka, {fixed} "
                   "diperbaiki."),
        "groups": {
            "numbers": "Angka yang tidak sesuai",
            "figures": "Penomoran gambar",
            "statements": "Pernyataan dalam teks",
            "references": "Catatan kaki dan rujukan",
            "addresses": "Alamat sumber",
            "edition": "Kesalahan dalam edisi ini",
        },
        "status": {
            "open": "terbuka",
            "confirmed": "terkonfirmasi",
            "fixed": "diperbaiki",
        },
        "status_help": {
            "open": "meragukan, belum pasti",
            "confirmed": "kesalahannya pasti",
            "fixed": "diperbaiki dalam edisi ini",
        },
        "recorded": "dicatat {}",
        "unrecorded": "ditemukan oleh build ini; belum dicatat",
        "audit": "ditemukan oleh audit build",
        "manual": "dilaporkan oleh pembaca atau editor",
        "printed": "Tercetak",
        "problem": "Kesalahannya",
        "evidence": "Bukti",
        "facts": "Fakta",
        "sources": "Sumber",
        "guard": "Penjaga",
        "guard_fact": "build gagal apabila fakta {id} tidak lagi bernilai {value}",
        "guard_source": "build gagal apabila {field} sumber {id} berubah",
        "edit": "Sunting entri ini",
        "none": "Belum ada.",
        "legend": ("Status: **terkonfirmasi**: kesalahannya pasti; **terbuka**: meragukan, "
                   "belum pasti; **diperbaiki**: diperbaiki dalam edisi ini (artikelnya "
                   "sendiri tidak dapat diperbaiki di sini)."),
    },
    # versi yang dirilis: spanduk versi lama, "apa yang berubah sejak", bagian Catatan
    # perubahan untuk setiap rilis (hooks/edition/pages/changes.py, docs/javascripts/versions.js)
    "versions": {
        "number_corrected": "Angka dikoreksi: {label}: {old} → {new}",
        "number_added": "Angka ditambahkan: {label}: {new}",
        "number_removed": "Angka dihapus: {label} (sebelumnya {old})",
        "number_status": "Status angka berubah: {label}: {old} → {new}",
        "erratum_added": "Ralat ditambahkan: {title} ({status})",
        "erratum_settled": "Ralat dipastikan: {title} ({old} → {new})",
        "erratum_reopened": "Ralat dibuka kembali: {title} ({old} → {new})",
        "erratum_status": "Status ralat berubah: {title} ({old} → {new})",
        "erratum_removed": "Ralat dihapus: {title}",
        "banner": ("Anda sedang membaca versi {version} edisi ini, yang disimpan tanpa perubahan "
                   "di alamat ini."),
        "banner_latest": "Halaman ini dalam versi terbaru",
        "banner_changes": "Apa yang berubah sejak versi ini",
        "banner_older": "Ini versi lama ({version}); versi terbaru adalah {latest}.",
        "banner_is_latest": "Ini versi terbaru ({version}).",
        "banner_page": "Yang berubah di halaman ini sejak {version}:",
        "banner_page_none": "Tidak ada yang berubah di halaman ini sejak {version}.",
        "banner_section_link": "dalam versi terbaru",
        "since_title": "Apa yang berubah sejak versi {version}",
        "since_description": ("Angka yang dikoreksi serta ralat yang ditambahkan atau "
                              "dipastikan sejak versi {version} edisi ini, per bagian."),
        "since_intro": ("Apa yang berubah pada angka dan ralat edisi ini dari versi "
                        "[{since}]({since_url}) hingga versi terbaru, [{latest}]({latest_url}), "
                        "per bagian. Semuanya dihitung dari data kedua versi. Versi {since} "
                        "sendiri tetap tidak berubah di alamatnya sendiri."),
        "since_none": "Tidak ada angka atau ralat yang berubah sejak versi {version}.",
        "since_edition": "Edisi secara keseluruhan",
        "section_link": "bagian ini dalam versi terbaru",
        "releases_title": "Rilis",
        "releases_intro": ("Setiap rilis edisi ini tetap berada di alamatnya sendiri, tanpa "
                           "perubahan. Apa yang berubah dalam setiap rilis, dihitung dari data "
                           "rilis-rilis tersebut:"),
        "release_heading": "Rilis {name}",
        "release_at": "Diterbitkan di [{url}]({url}).",
        "release_first": "Rilis pertama.",
        "release_since": "Yang berubah sejak rilis {previous}:",
        "release_none": "Tidak ada angka atau ralat yang berubah sejak rilis {previous}.",
        "release_more": ("Data lain juga berubah: {what}. Rumusan halaman mungkin juga "
                         "berubah; lihat entri di bawah."),
        "kinds": {"sources": "sumber", "tables": "tabel", "charts": "grafik",
                  "facts": "catatan angka"},
    },
    # the Changelog page
    "changelog": {
        "title": "Catatan perubahan",
        "description": "Apa saja yang berubah dalam edisi web ini, dan kapan.",
        "intro": ("Apa saja yang berubah dalam edisi web ini, dimulai dari yang terbaru. "
                  "Kesalahan artikel itu sendiri dicantumkan di halaman [Ralat]({errata}); "
                  "halaman ini mencantumkan perubahan pada situs. Setiap perubahan dapat "
                  "ditelusuri dalam riwayat repositori."),
    },
    # the Downloads page and the data package
    "downloads": {
        "package_title": "Data edisi web artikel Putri, Subagyo, dan Panorama (2025)",
        "package_description": ("Angka, sumber, dan tabel artikel 'Kepentingan Nasional Turki "
                                "dalam Kerja Sama Militer dengan Azerbaijan dalam Konflik "
                                "Nagorno-Karabakh di Tahun 2020-2024', dicatat sebagaimana "
                                "tercetak, beserta sumber dan statusnya."),
        "facts": "Daftar fakta (CSV)",
        "facts_desc": "Setiap angka yang dinyatakan artikel.",
        "facts_json": "Daftar fakta (JSON)",
        "facts_json_desc": "Daftar fakta dengan sumber dan halaman sebagai daftar.",
        "csl": "Sumber (CSL-JSON)",
        "csl_desc": "Setiap sumber, sebagai butir CSL-JSON.",
        "bib": "Sumber (BibTeX)",
        "bib_desc": "Setiap sumber, sebagai entri BibTeX (biblatex).",
        "ris": "Sumber (RIS)",
        "ris_desc": "Setiap sumber, sebagai entri RIS.",
        "table": "Tabel: {}",
        "table_desc": "Tabel sebagai CSV; sel fakta berisi angkanya.",
        "page_title": "Unduhan",
        "page_description": ("Data edisi ini untuk digunakan ulang: daftar fakta, sumber dalam "
                             "BibTeX, CSL-JSON, dan RIS, setiap tabel sebagai CSV, serta paket "
                             "data Frictionless yang menjelaskannya."),
        "intro": ("Semua yang dicatat edisi ini, untuk digunakan ulang dalam lembar kerja, "
                  "pengelola referensi, dan skrip. Berkas-berkas ini dibuat dari `data/` pada "
                  "setiap build, dalam bahasa halaman ini, dan berlisensi CC BY 4.0 "
                  "(artikelnya sendiri tetap merupakan karya para penulisnya). Angka dan "
                  "rujukan sesuai dengan yang dicetak artikel; lihat [Ralat]({errata}) untuk "
                  "kesalahan di dalamnya."),
        "package": ("[datapackage.json]({path}) menjelaskan setiap berkas di atas sebagai "
                    "[Frictionless Data Package](https://datapackage.org/): formatnya, "
                    "ukurannya, hash SHA-256, lisensi, sumber, dan, untuk setiap CSV, jenis "
                    "setiap kolomnya. Cocokkan unduhan Anda dengannya, atau muat semuanya "
                    "dengan alat Frictionless."),
        "file": "Berkas",
        "what": "Isi",
        "format": "Format",
        "size": "Ukuran",
        "hash": "SHA-256",
        "bytes": "{} bita",
        "kb": "{} kB",
        "version": "Versi build ini: {}.",
        "files_heading": "Berkas",
        "package_heading": "Paket data",
        "bibtex_head": ("% Sumber-sumber Putri, Subagyo, dan Panorama (2025), sebagaimana "
                        'dicetak artikel.\n% Kunci = id sumber di halaman Sumber. URL '
                        'sebagaimana tercetak, termasuk yang salah eja (lihat Ralat).\n'),
        "contributors": "Para kontributor edisi web",
    },
    # the page a static host serves for a missing address (build/notfound.py, overrides/404.html)
    "not-found": {
        "title": "Halaman tidak ditemukan",
        "text": ("Alamat ini tidak mengarah ke halaman mana pun dalam edisi ini: mungkin "
                 "halamannya sudah dipindahkan atau tautannya salah ketik."),
        "home": "Kembali ke beranda",
    },
    # the printable edition
    "print": {
        "title": "Edisi cetak",
        "intro": ("Seluruh edisi dalam satu halaman, menurut urutan baca, untuk dicetak atau "
                  "disimpan sebagai PDF (gunakan perintah *Cetak* pada peramban dan pilih "
                  "*Simpan sebagai PDF* sebagai pencetak). Setiap halaman situs menjadi satu "
                  "bab di sini; catatan kaki diberi nomor urut bersambung untuk seluruh edisi, "
                  "dan setiap sumber memiliki satu catatan kaki di bagian akhir."),
        "contents": "Isi",
        "chapters": "Bab-bab edisi",
        "left_out": ("`mkdocs serve` tidak menyertakan edisi cetak agar suntingan lebih cepat "
                     "tampak; `make build` membuatnya, dengan setiap halaman edisi."),
    },
    # citations of the edition and the article, page metadata
    "cite": {
        "authors": "Para kontributor edisi web",
        "cite_section": "Kutip bagian ini",
        "permalink": "Tautan permanen",
        "version": "Versi",
        "nd": "t.t.",
        "and": "dan",
        "version_full": "versi {date}, commit {commit}",
        "version_unreleased": "versi belum dirilis dari {date}, commit {commit}",
        "version_unreleased_date": "versi belum dirilis dari {date}",
        "version_date": "versi {date}",
        "version_commit": "tanpa versi, commit {commit}",
        "unversioned": "tanpa versi",
        "section_of": "Bagian dari edisi web; {version}",
        "edition_of": "Edisi web artikel Putri, Subagyo, dan Panorama (2025); {version}",
        "retrieved": "Diakses {date}, dari ",
        "accessed": "diakses {date}",
        "accessed_cap": "Diakses {date}.",
        "chicago_note": "Catatan kaki",
        "chicago_bib": "Daftar pustaka",
        "chicago": "Chicago (catatan kaki dan daftar pustaka)",
        "bib_note_section": ("Bagian edisi web artikel Putri, Subagyo, dan Panorama (2025)"),
        "bib_note_site": "Edisi web artikel Putri, Subagyo, dan Panorama (2025)",
        "article_note": ("Salinan yang menjadi dasar edisi ini tidak mencantumkan jurnal, "
                         "volume, nomor, halaman, ataupun DOI"),
        "title_translation": "",
        "key_suffix": "-id",  # after the BibTeX key of a citation of the edition
        "langid": "indonesian",
        "no_js": ("Tanpa JavaScript, kutipan ini tidak mencantumkan tanggal akses: tambahkan "
                  "tanggal Anda membaca halaman ini bila gaya kutipan Anda memintanya."),
        "formats_below": "APA 7, Chicago, BibTeX, dan RIS: di akhir halaman ini",
        "appendix": "Kutipan bagian-bagian halaman ini",
    },
    # Indonesian words for the locators written in English in data/ (regex, replacement)
    "locators": [
        (r"\b(first|second) figure (\d+(?:\.\d+)*) caption\b", r"keterangan gambar \2 yang \1"),
        (r"\bfigure (\d+(?:\.\d+)*) caption\b", r"keterangan gambar \1"),
        (r"\bfigure (\d+(?:\.\d+)*) title\b", r"judul gambar \1"),
        (r"\bfirst\b", "pertama"),
        (r"\bsecond\b", "kedua"), (r"\bfootnotes?\b", "catatan kaki"),
        (r"\bfigures?\b", "gambar"), (r"\bcaption\b", "keterangan"),
        (r"\btables?\b", "tabel"), (r"\brunning text\b", "teks"),
        (r"\bpp?\.", "hlm."), (r"\band\b", "dan"), (r"\bbibliography\b", "daftar pustaka"),
        (r"\btitle\b", "judul"), (r"\babstract\b", "abstrak"),
        (r"\bpossibly\b", "kemungkinan"), (r"\bIntroduction\b", "Pendahuluan"),
        (r"\bMiddle-range objectives\b", "Tujuan jangka menengah"),
    ],
}
