"""Names, places, academic titles (gelar) and study programmes of the sample people.

Bengkayang is mostly Dayak (largely Catholic or Protestant), with Malay/Javanese Muslims and a
Chinese (Hakka) community on the coast. Every string here is cp1252-encodable.
"""

from __future__ import annotations

# Name pools by community: (male given names, female given names, second names).
_CHRISTIAN_M = """Yohanes Agustinus Stefanus Yosef Antonius Paulus Petrus Benediktus Yakobus Markus
Lukas Matius Dominikus Aloysius Ignatius Fransiskus Andreas Filipus Bernadus Martinus Herkulanus
Yeremias Kristianus Libertus Sebastianus Valentinus Gregorius Robertus Albertus Hendrikus Rudolf
Yulius Oktavianus Silvester Adrianus Vinsensius Fransiskus Florianus Edison Rinaldi Ronny Alpius
Apolonius Damianus Elias Rafael Simon Tomas Wilfridus Yustinus Marselinus Norbertus René José
Noël"""
_CHRISTIAN_F = """Maria Fransiska Theresia Veronika Yuliana Margaretha Natalia Elisabeth Kristina
Rosalia Anastasia Katarina Agnes Sesilia Felisitas Magdalena Lusia Monika Skolastika Yustina Regina
Bernadeta Paulina Martina Imelda Rosa Yosefina Helena Klara Florentina Susana Debora Priska Lidia
Septiana Oktaviani Novita Desi Melati Yanti Erni Lilis Marsela Adriana Angela Kornelia Emilia
Renée Désy Agnès Zoë"""
_DAYAK_SECOND = """Naon Gidot Darwis Atan Ason Ajun Anyong Jamin Ringo Lintang Ngatang Aleng Apui
Bujang Jarot Unding Aris Sunardi Nyangkot Abeng Jamal Kasim Damin Ali Ujang Amon Asin Bandi Dahlan
Erwin Herman Jhon Simanjuntak Sitorus Nainggolan Situmorang Tamba Manurung Siahaan Sihombing Lepo
Riwut Nyaming Tampubolon Laoh Saragih Sinaga Nuñez Suryadi Ardiansyah Alpin Juliardi Kurniawan"""
_MUSLIM_M = """Muhammad Ahmad Abdul Rahmat Hendra Agus Budi Hasan Zulkarnain Hamdan Rusdi Sulaiman
Syafi'i Ma'ruf Ja'far Rizki Fajar Andi Arif Dedi Eko Dwi Heri Irwan Joko Kurniawan Lukman Mahmud
Nasrullah Rudi Saiful Slamet Syamsul Taufik Usman Wahyu Yusuf Zainal Iskandar Ridwan Firdaus
Hafiz"""
_MUSLIM_F = """Siti Nur'aini Nurhayati Syarifah Fitri Dewi Sri Rina Yuni Eka Fatimah Aisyah Halimah
Khadijah Mar'atun Sa'adah Nurul Rahmawati Lestari Wulandari Ayu Indah Kartini Sumiati Yuliani Ratna
Rosmawati Hartini Suryani Murni Nova Putri Dian Ernawati Hasanah Maimunah Rohani Jamilah Zahra"""
_MUSLIM_SECOND = """Hidayat Saputra Santoso Setiawan Wijaya Pratama Ramadhan Hakim Rahman Ibrahim
Syahputra Nugroho Hermawan Purnomo Susanto Suhendra Maulana Hasibuan Nasution Lubis Harahap"""
_MUSLIM_SECOND_F = """Aminah Ningsih Wati Sari Handayani Fitriani Rahayu Puspita Anggraini Safitri
Kusuma Wahyuni Utami Lestari Hasibuan Nasution Lubis Harahap Hidayati Zahra"""
_CHINESE_M = """Hendra Budi Susanto Kurniadi Rudy Johan Hengky Ahian Akiong Afuk Tjhin Sutrisno
Wijaya Halim Sugianto Herman Andi Wendy Robby Jimmy Yoseph Akhiong Fendi Sandi"""
_CHINESE_F = """Susanti Lili Meliana Jeni Fonny Lina Yenny Sherly Winny Vivian Wenny Linda Amelia
Mei Ling Ayin Afung Lanny Susi Megawati Herlina Sumiati Lenny"""
_CHINESE_SECOND = """Lie Bong Tjhai Lim Phang Liu Chin Jong Ng Tjhin Kho Tan Lo Hiu Chai Wong Fung
Sui Khiong Nyan Fa Kui Fong Siu Tet"""


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Community -> (share, male, female, male second names, female second names, religion weights
# by AGAMA index).
COMMUNITIES: tuple[tuple[float, tuple[str, ...], tuple[str, ...], tuple[str, ...],
                         tuple[str, ...], tuple[float, ...]], ...] = (
    (0.56, _split(_CHRISTIAN_M), _split(_CHRISTIAN_F), _split(_DAYAK_SECOND),
     _split(_DAYAK_SECOND), (0.0, 0.36, 0.64, 0.0, 0.0, 0.0)),
    (0.34, _split(_MUSLIM_M), _split(_MUSLIM_F), _split(_MUSLIM_SECOND),
     _split(_MUSLIM_SECOND_F), (0.99, 0.0, 0.0, 0.01, 0.0, 0.0)),
    (0.10, _split(_CHINESE_M), _split(_CHINESE_F), _split(_CHINESE_SECOND),
     _split(_CHINESE_SECOND), (0.0, 0.15, 0.15, 0.0, 0.52, 0.18)),
)  # fmt: skip

BIRTHPLACES_OUTSIDE: tuple[tuple[str, float], ...] = (
    ("Singkawang", 6), ("Pontianak", 6), ("Sambas", 4), ("Landak", 3), ("Ngabang", 2),
    ("Sanggau", 2), ("Mempawah", 2), ("Sintang", 1.5), ("Ketapang", 1), ("Putussibau", 0.5),
    ("Jakarta", 1), ("Yogyakarta", 0.5), ("Surabaya", 0.5), ("Medan", 0.7), ("Kupang", 0.5),
    ("Ende", 0.4), ("Makassar", 0.4), ("Semarang", 0.4), ("Bandung", 0.3), ("Palembang", 0.2),
)  # fmt: skip
BIRTHPLACE_LOCAL_SHARE = 0.6  # born in a kecamatan of Bengkayang

STREETS: tuple[str, ...] = (
    "Jl. Sanggau Ledo", "Jl. Guna Baru", "Jl. Basuki Rahmat", "Jl. Bhayangkara", "Jl. Ahmad Yani",
    "Jl. Pancasila", "Jl. Tama'ru", "Jl. Trans Kalimantan", "Jl. Jend. Sudirman", "Jl. Merdeka",
    "Jl. Pulau Indah", "Jl. Bumi Emas", "Jl. Sebalo", "Jl. Raya Samalantan", "Jl. Sei Keran",
)  # fmt: skip
DESA: tuple[str, ...] = (
    "Sebalo", "Bumi Emas", "Sinar Tebudak", "Lembang", "Bani Amas", "Tirta Kencana", "Pisak",
    "Lesabela", "Sango", "Seluas", "Jagoi", "Sanggau Ledo", "Magmagan Karya", "Tempapan Kuala",
    "Sungai Jaga A", "Pasti Jaya", "Karimunting", "Sungai Duri", "Monterado", "Samalantan",
)  # fmt: skip
MAIL_HOSTS: tuple[str, ...] = ("gmail.com", "gmail.com", "gmail.com", "yahoo.co.id", "yahoo.com")
HP_PREFIX: tuple[str, ...] = (
    "0811", "0812", "0813", "0821", "0822", "0852", "0853", "0857", "0858", "0877", "0878",
    "0895", "0896", "0838",
)  # fmt: skip

# Gelar and study programme by field and education: "field | edu | depan | belakang | programme".
# An S-2 line's belakang is appended to the S-1 gelar ("=" replaces it: specialist doctors).
_FIELDS = """
pendidikan|S1||S.Pd.|PENDIDIKAN GURU SEKOLAH DASAR
pendidikan|S1||S.Pd.|PENDIDIKAN MATEMATIKA
pendidikan|S1||S.Pd.|PENDIDIKAN BAHASA INDONESIA
pendidikan|S1||S.Pd.|PENDIDIKAN BAHASA INGGRIS
pendidikan|S1||S.Pd.|PENDIDIKAN BIOLOGI
pendidikan|S1||S.Pd.|PENDIDIKAN JASMANI KESEHATAN DAN REKREASI
pendidikan|S1||S.Pd.|PENDIDIKAN GURU PAUD
pendidikan|S2||M.Pd.|MAGISTER PENDIDIKAN
keperawatan|D3||A.Md.Kep.|KEPERAWATAN
keperawatan|S1||S.Kep., Ners|ILMU KEPERAWATAN
keperawatan|S2||M.Kep.|MAGISTER KEPERAWATAN
kebidanan|D3||A.Md.Keb.|KEBIDANAN
kebidanan|D4||S.Tr.Keb.|KEBIDANAN
kebidanan|S1||S.Keb., Bd.|KEBIDANAN
kedokteran|S1|dr.||PENDIDIKAN DOKTER
kedokteran|S2||=Sp.PD.|SPESIALIS PENYAKIT DALAM
kedokteran|S2||=Sp.OG.|SPESIALIS OBSTETRI DAN GINEKOLOGI
kedokteran|S2||=Sp.A.|SPESIALIS ANAK
kedokteran|S2||=Sp.B.|SPESIALIS BEDAH
kedokteran|S2||M.Kes.|MAGISTER KESEHATAN MASYARAKAT
kedokteran_gigi|S1|drg.||PENDIDIKAN DOKTER GIGI
apoteker|S1|apt.|S.Farm.|PROFESI APOTEKER
farmasi|D3||A.Md.Farm.|FARMASI
gizi|D3||A.Md.Gz.|GIZI
gizi|S1||S.Gz.|ILMU GIZI
kesling|D3||A.Md.KL.|KESEHATAN LINGKUNGAN
analis|D3||A.Md.AK.|ANALIS KESEHATAN
analis|D4||S.Tr.AK.|TEKNOLOGI LABORATORIUM MEDIS
radiologi|D3||A.Md.Rad.|RADIODIAGNOSTIK DAN RADIOTERAPI
rekam_medis|D3||A.Md.RMIK.|REKAM MEDIS DAN INFORMASI KESEHATAN
kesmas|S1||S.KM.|KESEHATAN MASYARAKAT
kesmas|S2||M.KM.|MAGISTER KESEHATAN MASYARAKAT
komputer|D3||A.Md.Kom.|MANAJEMEN INFORMATIKA
komputer|S1||S.Kom.|TEKNIK INFORMATIKA
komputer|S1||S.Kom.|SISTEM INFORMASI
komputer|S2||M.Kom.|MAGISTER ILMU KOMPUTER
ekonomi|D3||A.Md.Ak.|AKUNTANSI
ekonomi|S1||S.E.|MANAJEMEN
ekonomi|S1||S.E.|EKONOMI PEMBANGUNAN
ekonomi|S1||S.Ak.|AKUNTANSI
ekonomi|S2||M.M.|MAGISTER MANAJEMEN
ekonomi|S2||M.Si.|MAGISTER ILMU EKONOMI
sosial|D3||A.Md.|ADMINISTRASI PERKANTORAN
sosial|S1||S.Sos.|ILMU ADMINISTRASI NEGARA
sosial|S1||S.IP.|ILMU PEMERINTAHAN
sosial|S1||S.AP.|ADMINISTRASI PUBLIK
sosial|S1||S.Sos.|SOSIOLOGI
sosial|S2||M.Si.|MAGISTER ILMU ADMINISTRASI
sosial|S2||M.AP.|MAGISTER ADMINISTRASI PUBLIK
hukum|S1||S.H.|ILMU HUKUM
hukum|S2||M.H.|MAGISTER ILMU HUKUM
teknik|D3||A.Md.T.|TEKNIK SIPIL
teknik|S1||S.T.|TEKNIK SIPIL
teknik|S1||S.T.|TEKNIK ELEKTRO
teknik|S2||M.T.|MAGISTER TEKNIK SIPIL
pertanian|D3||A.Md.P.|BUDIDAYA TANAMAN PERKEBUNAN
pertanian|S1||S.P.|AGRONOMI
pertanian|S1||S.P.|AGRIBISNIS
pertanian|S2||M.P.|MAGISTER AGRIBISNIS
perikanan|D3||A.Md.Pi.|BUDIDAYA PERIKANAN
perikanan|S1||S.Pi.|BUDIDAYA PERAIRAN
komunikasi|D3||A.Md.I.Kom.|HUBUNGAN MASYARAKAT
komunikasi|S1||S.I.Kom.|ILMU KOMUNIKASI
statistik|S1||S.Stat.|STATISTIKA
statistik|S1||S.Si.|MATEMATIKA
pemerintahan|D3||A.Md.|ADMINISTRASI NEGARA
pemerintahan|D4||S.STP.|MANAJEMEN PEMERINTAHAN
pemerintahan|S1||S.IP.|ILMU PEMERINTAHAN
pemerintahan|S2||M.Si.|MAGISTER ILMU PEMERINTAHAN
"""

# D-IV is an applied bachelor: fields without a D-IV line fall back to S-1 programmes and a
# "S.Tr." title; fields without D-III fall back to a generic one.
_EDU_KEYS = {"D3": 3, "D4": 4, "S1": 5, "S2": 6}


def _parse_fields() -> dict[tuple[str, int], tuple[tuple[str, str, str], ...]]:
    table: dict[tuple[str, int], list[tuple[str, str, str]]] = {}
    for line in _FIELDS.strip().splitlines():
        field, edu, depan, belakang, programme = line.split("|")
        table.setdefault((field, _EDU_KEYS[edu]), []).append((depan, belakang, programme))
    return {key: tuple(value) for key, value in table.items()}


FIELDS = _parse_fields()
FIELD_NAMES: tuple[str, ...] = tuple(dict.fromkeys(field for field, _ in FIELDS))

SLTA_PROGRAMMES: tuple[str, ...] = (
    "SMA IPA", "SMA IPS", "SMA IPS", "SMK ADMINISTRASI PERKANTORAN", "SMK AKUNTANSI",
    "SMK TEKNIK KENDARAAN RINGAN", "SMEA", "SMK TEKNIK KOMPUTER DAN JARINGAN",
)  # fmt: skip
SLTP_PROGRAMMES: tuple[str, ...] = ("SMP", "SLTP")
SD_PROGRAMMES: tuple[str, ...] = ("SD", "SEKOLAH DASAR")
