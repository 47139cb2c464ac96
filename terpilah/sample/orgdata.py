"""The perangkat daerah (PD) of Kabupaten Bengkayang as the sample knows them.

Modelled on the post-2021 organisation of a kabupaten: a head (eselon II.b, Sekretaris Daerah
II.a, camat III.a), a sekretaris (III.a), bidang/bagian (III.b, Setda and Setwan bagian III.a)
with their seksi/sub bidang/sub bagian (IV.a). Kecamatan follow one template.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PdSpec:
    """One PD: name, kind, title of its head, weight of its pelaksana staff, its units."""

    name: str
    kind: str  # setda | dprd | inspektorat | rsud | dinas | kecamatan
    head: str
    staff: float
    units: tuple[tuple[str, tuple[str, ...]], ...]


_PD_TEXT = """
Sekretariat Daerah | setda | Sekretaris Daerah | 90
 Bagian Pemerintahan: Sub Bagian Administrasi Pemerintahan; Sub Bagian Otonomi Daerah dan Kerja Sama
 Bagian Hukum: Sub Bagian Perundang-undangan; Sub Bagian Bantuan Hukum
 Bagian Organisasi: Sub Bagian Kelembagaan dan Analisis Jabatan; Sub Bagian Reformasi Birokrasi
 Bagian Kesejahteraan Rakyat: Sub Bagian Bina Mental Spiritual; Sub Bagian Kesejahteraan Sosial
 Bagian Perekonomian dan Sumber Daya Alam: Sub Bagian Perekonomian; Sub Bagian Sumber Daya Alam
 Bagian Administrasi Pembangunan: Sub Bagian Penyusunan Program; Sub Bagian Pengendalian Program
 Bagian Pengadaan Barang dan Jasa: Sub Bagian Pengelolaan Pengadaan; Sub Bagian Pembinaan Pengadaan
 Bagian Umum: Sub Bagian Tata Usaha Pimpinan; Sub Bagian Rumah Tangga
 Bagian Protokol dan Komunikasi Pimpinan: Sub Bagian Protokol; Sub Bagian Komunikasi Pimpinan
Sekretariat DPRD | dprd | Sekretaris DPRD | 40
 Bagian Umum dan Keuangan: Sub Bagian Tata Usaha dan Kepegawaian; Sub Bagian Keuangan
 Bagian Persidangan dan Perundang-undangan: Sub Bagian Kajian Perundang-undangan; Sub Bagian Risalah
 Bagian Fasilitasi Penganggaran dan Pengawasan: Sub Bagian Penganggaran; Sub Bagian Pengawasan
Inspektorat Daerah | inspektorat | Inspektur | 12
 Inspektur Pembantu Wilayah I
 Inspektur Pembantu Wilayah II
 Inspektur Pembantu Wilayah III
 Inspektur Pembantu Wilayah IV
Badan Perencanaan Pembangunan Daerah | dinas | - | 22
 Bidang Pemerintahan dan Pembangunan Manusia: Sub Bidang Pemerintahan
   ; Sub Bidang Pembangunan Manusia
 Bidang Perekonomian dan Sumber Daya Alam: Sub Bidang Perekonomian; Sub Bidang Sumber Daya Alam
 Bidang Infrastruktur dan Kewilayahan: Sub Bidang Infrastruktur; Sub Bidang Kewilayahan
 Bidang Perencanaan, Pengendalian dan Evaluasi: Sub Bidang Perencanaan; Sub Bidang Evaluasi
Badan Pengelolaan Keuangan dan Aset Daerah | dinas | - | 45
 Bidang Anggaran: Sub Bidang Anggaran Pendapatan dan Pembiayaan; Sub Bidang Anggaran Belanja
 Bidang Perbendaharaan: Sub Bidang Belanja Langsung; Sub Bidang Belanja Tidak Langsung
 Bidang Akuntansi: Sub Bidang Akuntansi dan Pelaporan; Sub Bidang Verifikasi
 Bidang Aset: Sub Bidang Penatausahaan Aset; Sub Bidang Pemanfaatan Aset
Badan Pendapatan Daerah | dinas | - | 30
 Bidang Pendaftaran dan Penetapan: Sub Bidang Pendataan; Sub Bidang Penetapan
 Bidang Penagihan dan Pembukuan: Sub Bidang Penagihan; Sub Bidang Pembukuan dan Pelaporan
 Bidang Pajak Bumi dan Bangunan: Sub Bidang Pelayanan PBB; Sub Bidang BPHTB
Badan Kepegawaian Daerah dan Pengembangan Sumber Daya Manusia | dinas | - | 28
 Bidang Pengadaan, Pemberhentian dan Informasi: Sub Bidang Pengadaan dan Pemberhentian
   ; Sub Bidang Informasi Kepegawaian
 Bidang Mutasi dan Promosi: Sub Bidang Mutasi; Sub Bidang Promosi dan Penilaian Kinerja
 Bidang Pengembangan Kompetensi Aparatur: Sub Bidang Diklat Struktural
   ; Sub Bidang Diklat Teknis dan Fungsional
Badan Kesatuan Bangsa dan Politik | dinas | - | 12
 Bidang Ideologi dan Wawasan Kebangsaan: Sub Bidang Ideologi; Sub Bidang Wawasan Kebangsaan
 Bidang Politik Dalam Negeri: Sub Bidang Politik; Sub Bidang Organisasi Kemasyarakatan
 Bidang Kewaspadaan Nasional: Sub Bidang Kewaspadaan Dini; Sub Bidang Penanganan Konflik
Badan Penanggulangan Bencana Daerah | dinas | Kepala Pelaksana BPBD | 18
 Bidang Pencegahan dan Kesiapsiagaan: Seksi Pencegahan; Seksi Kesiapsiagaan
 Bidang Kedaruratan dan Logistik: Seksi Kedaruratan; Seksi Logistik
 Bidang Rehabilitasi dan Rekonstruksi: Seksi Rehabilitasi; Seksi Rekonstruksi
Dinas Pendidikan dan Kebudayaan | dinas | - | 60
 Bidang Pembinaan Sekolah Dasar: Seksi Kurikulum dan Penilaian SD; Seksi Peserta Didik SD
 Bidang Pembinaan Sekolah Menengah Pertama: Seksi Kurikulum dan Penilaian SMP
   ; Seksi Sarana dan Prasarana SMP
 Bidang Pembinaan PAUD dan Pendidikan Nonformal: Seksi Kelembagaan PAUD; Seksi Pendidikan Masyarakat
 Bidang Guru dan Tenaga Kependidikan: Seksi Pendidik; Seksi Tenaga Kependidikan
 Bidang Kebudayaan: Seksi Cagar Budaya dan Permuseuman; Seksi Kesenian dan Tradisi
Dinas Kesehatan | dinas | - | 55
 Bidang Kesehatan Masyarakat: Seksi Kesehatan Keluarga dan Gizi; Seksi Promosi Kesehatan
 Bidang Pencegahan dan Pengendalian Penyakit: Seksi Surveilans dan Imunisasi; Seksi Penyakit Menular
 Bidang Pelayanan Kesehatan: Seksi Pelayanan Kesehatan Primer; Seksi Pelayanan Kesehatan Rujukan
 Bidang Sumber Daya Kesehatan: Seksi Kefarmasian dan Alat Kesehatan
   ; Seksi Sumber Daya Manusia Kesehatan
RSUD Bengkayang | rsud | Direktur RSUD Bengkayang | 55
 Bidang Pelayanan Medik: Seksi Pelayanan Medik; Seksi Penunjang Medik
 Bidang Keperawatan: Seksi Asuhan Keperawatan; Seksi Mutu Keperawatan
Dinas Pekerjaan Umum dan Penataan Ruang | dinas | - | 40
 Bidang Bina Marga: Seksi Pembangunan Jalan dan Jembatan; Seksi Preservasi Jalan dan Jembatan
 Bidang Sumber Daya Air: Seksi Irigasi; Seksi Sungai dan Pantai
 Bidang Cipta Karya: Seksi Bangunan Gedung; Seksi Air Minum dan Sanitasi
 Bidang Penataan Ruang: Seksi Perencanaan Tata Ruang; Seksi Pengendalian Pemanfaatan Ruang
Dinas Perumahan Rakyat, Kawasan Permukiman dan Lingkungan Hidup | dinas | - | 25
 Bidang Perumahan dan Kawasan Permukiman: Seksi Perumahan; Seksi Kawasan Permukiman
 Bidang Persampahan dan Pertamanan: Seksi Pengelolaan Sampah; Seksi Pertamanan
 Bidang Lingkungan Hidup: Seksi Pengendalian Pencemaran; Seksi Penegakan Hukum Lingkungan
Satuan Polisi Pamong Praja dan Pemadam Kebakaran | dinas | - | 45
 Bidang Penegakan Peraturan Daerah: Seksi Pembinaan dan Penyuluhan
   ; Seksi Penyelidikan dan Penyidikan
 Bidang Ketertiban Umum dan Ketenteraman Masyarakat: Seksi Operasi dan Pengendalian
   ; Seksi Kerja Sama
 Bidang Pemadam Kebakaran: Seksi Pencegahan Kebakaran; Seksi Pemadaman dan Penyelamatan
Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak | dinas | - | 25
 Bidang Rehabilitasi dan Perlindungan Sosial: Seksi Rehabilitasi Sosial
   ; Seksi Perlindungan dan Jaminan Sosial
 Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin: Seksi Pemberdayaan Sosial
   ; Seksi Penanganan Fakir Miskin
 Bidang Pemberdayaan Perempuan: Seksi Pengarusutamaan Gender
   ; Seksi Peningkatan Kualitas Hidup Perempuan
 Bidang Perlindungan Anak: Seksi Pemenuhan Hak Anak; Seksi Perlindungan Khusus Anak
Dinas Pengendalian Penduduk dan Keluarga Berencana | dinas | - | 15
 Bidang Pengendalian Penduduk dan Penyuluhan: Seksi Pengendalian Penduduk
   ; Seksi Penyuluhan dan Penggerakan
 Bidang Keluarga Berencana dan Ketahanan Keluarga: Seksi Keluarga Berencana
   ; Seksi Ketahanan Keluarga
Dinas Kependudukan dan Pencatatan Sipil | dinas | - | 30
 Bidang Pelayanan Pendaftaran Penduduk: Seksi Identitas Penduduk; Seksi Pindah Datang Penduduk
 Bidang Pelayanan Pencatatan Sipil: Seksi Kelahiran dan Kematian; Seksi Perkawinan dan Perceraian
 Bidang Pengelolaan Informasi Administrasi Kependudukan: Seksi Sistem Informasi
   ; Seksi Pengolahan Data
Dinas Pemberdayaan Masyarakat dan Desa | dinas | - | 18
 Bidang Pemerintahan Desa: Seksi Administrasi Pemerintahan Desa; Seksi Keuangan dan Aset Desa
 Bidang Pemberdayaan Masyarakat: Seksi Kelembagaan Masyarakat; Seksi Ekonomi Masyarakat
Dinas Perhubungan | dinas | - | 25
 Bidang Lalu Lintas dan Angkutan Jalan: Seksi Manajemen dan Rekayasa Lalu Lintas; Seksi Angkutan
 Bidang Sarana dan Prasarana: Seksi Prasarana; Seksi Pengujian Kendaraan Bermotor
Dinas Komunikasi dan Informatika | dinas | - | 20
 Bidang Informasi dan Komunikasi Publik: Seksi Pengelolaan Informasi Publik; Seksi Komunikasi Publik
 Bidang Teknologi Informasi dan Komunikasi: Seksi Infrastruktur TIK; Seksi Aplikasi dan e-Government
 Bidang Statistik dan Persandian: Seksi Statistik Sektoral; Seksi Persandian
Dinas Koperasi, Usaha Mikro, Perindustrian dan Perdagangan | dinas | - | 20
 Bidang Koperasi dan Usaha Mikro: Seksi Kelembagaan Koperasi; Seksi Pemberdayaan Usaha Mikro
 Bidang Perindustrian: Seksi Industri Kecil dan Menengah; Seksi Sarana Industri
 Bidang Perdagangan: Seksi Sarana Perdagangan; Seksi Metrologi dan Perlindungan Konsumen
Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu | dinas | - | 15
 Bidang Penanaman Modal: Seksi Promosi Penanaman Modal; Seksi Pengendalian Penanaman Modal
 Bidang Pelayanan Perizinan: Seksi Perizinan Usaha; Seksi Perizinan Non Usaha
Dinas Pariwisata, Kepemudaan dan Olahraga | dinas | - | 15
 Bidang Pariwisata: Seksi Destinasi Pariwisata; Seksi Pemasaran Pariwisata
 Bidang Kepemudaan dan Olahraga: Seksi Kepemudaan; Seksi Olahraga
Dinas Perpustakaan dan Kearsipan | dinas | - | 15
 Bidang Perpustakaan: Seksi Layanan Perpustakaan; Seksi Pembinaan Perpustakaan
 Bidang Kearsipan: Seksi Pengelolaan Arsip; Seksi Pembinaan Kearsipan
Dinas Pertanian dan Pangan | dinas | - | 35
 Bidang Tanaman Pangan dan Hortikultura: Seksi Produksi Tanaman Pangan; Seksi Hortikultura
 Bidang Perkebunan: Seksi Produksi Perkebunan; Seksi Pengolahan Hasil Perkebunan
 Bidang Peternakan dan Kesehatan Hewan: Seksi Produksi Peternakan; Seksi Kesehatan Hewan
 Bidang Ketahanan Pangan: Seksi Ketersediaan dan Distribusi Pangan
   ; Seksi Konsumsi dan Keamanan Pangan
Dinas Perikanan | dinas | - | 12
 Bidang Perikanan Tangkap: Seksi Sarana Perikanan Tangkap; Seksi Pemberdayaan Nelayan
 Bidang Perikanan Budidaya: Seksi Produksi Perikanan Budidaya; Seksi Pengolahan Hasil Perikanan
Dinas Tenaga Kerja dan Transmigrasi | dinas | - | 12
 Bidang Pelatihan dan Penempatan Tenaga Kerja: Seksi Pelatihan dan Produktivitas
   ; Seksi Penempatan Tenaga Kerja
 Bidang Hubungan Industrial dan Transmigrasi: Seksi Hubungan Industrial; Seksi Transmigrasi
"""

# Kecamatan that are PD in the bengkayang scale (the others only host schools and puskesmas).
KECAMATAN_PD: tuple[str, ...] = (
    "Bengkayang", "Ledo", "Sanggau Ledo", "Seluas", "Jagoi Babang",
    "Samalantan", "Monterado", "Sungai Raya", "Capkala", "Teriak",
)  # fmt: skip
KECAMATAN_UNITS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Seksi Pemerintahan", ()),
    ("Seksi Ketenteraman dan Ketertiban Umum", ()),
    ("Seksi Pemberdayaan Masyarakat Desa", ()),
    ("Seksi Kesejahteraan Sosial", ()),
)
KELURAHAN: dict[str, tuple[str, ...]] = {"Bengkayang": ("Kelurahan Bumi Emas", "Kelurahan Sebalo")}

SMALL_PD: tuple[str, ...] = (
    "Dinas Pendidikan dan Kebudayaan",
    "Dinas Kesehatan",
    "RSUD Bengkayang",
    "Sekretariat Daerah",
    "Badan Kepegawaian Daerah dan Pengembangan Sumber Daya Manusia",
    "Dinas Komunikasi dan Informatika",
    "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak",
    "Kecamatan Ledo",
)

EDUCATION_PD = "Dinas Pendidikan dan Kebudayaan"
HEALTH_PD = "Dinas Kesehatan"
HOSPITAL_PD = "RSUD Bengkayang"

PUSKESMAS: tuple[tuple[str, str], ...] = tuple(
    [(f"Puskesmas {k}", k) for k in (
        "Bengkayang", "Sanggau Ledo", "Ledo", "Seluas", "Samalantan", "Monterado", "Sungai Raya",
        "Teriak", "Jagoi Babang", "Capkala", "Sungai Betung", "Lumar", "Suti Semarang",
        "Tujuhbelas", "Siding", "Sungai Raya Kepulauan", "Lembah Bawang",
    )] + [("Puskesmas Sungai Duri", "Sungai Raya Kepulauan")]
)  # fmt: skip
RSUD_UNITS: tuple[str, ...] = (
    "Instalasi Rawat Inap", "Instalasi Rawat Jalan", "Instalasi Gawat Darurat",
    "Instalasi Bedah Sentral", "Instalasi Farmasi", "Instalasi Laboratorium",
    "Instalasi Radiologi", "Instalasi Gizi", "Instalasi Rekam Medis",
)  # fmt: skip


def _parse(text: str) -> tuple[PdSpec, ...]:
    specs: list[PdSpec] = []
    head: list[str] | None = None
    units: list[tuple[str, tuple[str, ...]]] = []

    def flush() -> None:
        if head is not None:
            name, kind, title, staff = head
            specs.append(PdSpec(name, kind, title, float(staff), tuple(units)))

    for line in text.strip("\n").splitlines():
        if not line.startswith(" "):
            flush()
            head = [part.strip() for part in line.split("|")]
            if head[2] == "-":
                head[2] = f"Kepala {head[0]}"
            units = []
            continue
        if line.strip().startswith(";"):  # continuation of a long unit line
            unit, subs = units.pop()
            more = tuple(s.strip() for s in line.split(";") if s.strip())
            units.append((unit, subs + more))
            continue
        unit, _, sub_text = line.strip().partition(":")
        units.append((unit.strip(), tuple(s.strip() for s in sub_text.split(";") if s.strip())))
    flush()
    return tuple(specs)


def kecamatan_spec(kecamatan: str) -> PdSpec:
    """The PD of a kecamatan office: a camat (III.a) and the usual seksi."""
    units = KECAMATAN_UNITS + tuple((k, ()) for k in KELURAHAN.get(kecamatan, ()))
    return PdSpec(f"Kecamatan {kecamatan}", "kecamatan", "Camat", 14.0, units)


PD_SPECS: tuple[PdSpec, ...] = _parse(_PD_TEXT) + tuple(kecamatan_spec(k) for k in KECAMATAN_PD)
