"""Names of programs, kegiatan and sub kegiatan as the sample's budgets use them.

Program and kegiatan names follow Permendagri 90/2019 (shortened where the official list is
long). Every PD runs the penunjang program ``<bidang>.01`` with its standard kegiatan and sub
kegiatan. A substantive kegiatan's sub kegiatan are named from templates numbered 1-12, so
that a code keeps one name in every year and version.
"""

from __future__ import annotations

from dataclasses import dataclass

PENUNJANG = "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"

# Kegiatan of the penunjang program: (number, name, ((sub number, sub name), ...)).
PENUNJANG_KEGIATAN: tuple[tuple[int, str, tuple[tuple[int, str], ...]], ...] = (
    (1, "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", (
        (1, "Penyusunan Dokumen Perencanaan Perangkat Daerah"),
        (2, "Koordinasi dan Penyusunan Dokumen RKA-SKPD"),
        (6, "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi "
            "Kinerja SKPD"),
        (7, "Evaluasi Kinerja Perangkat Daerah"))),
    (2, "Administrasi Keuangan Perangkat Daerah", (
        (1, "Penyediaan Gaji dan Tunjangan ASN"),
        (2, "Penyediaan Administrasi Pelaksanaan Tugas ASN"),
        (5, "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD"))),
    (5, "Administrasi Kepegawaian Perangkat Daerah", (
        (2, "Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya"),
        (9, "Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi"))),
    (6, "Administrasi Umum Perangkat Daerah", (
        (1, "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor"),
        (4, "Penyediaan Bahan Logistik Kantor"),
        (5, "Penyediaan Barang Cetakan dan Penggandaan"),
        (9, "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD"))),
    (8, "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", (
        (1, "Penyediaan Jasa Surat Menyurat"),
        (2, "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik"),
        (4, "Penyediaan Jasa Pelayanan Umum Kantor"))),
    (9, "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", (
        (2, "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak Kendaraan "
            "Perorangan Dinas atau Kendaraan Dinas Jabatan"),
        (9, "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya"))),
)  # fmt: skip
PENUNJANG_ALWAYS = (1, 2, 6)  # kegiatan every PD budgets
SALARY_SUB = (2, 1)  # (kegiatan, sub) of salaries: the largest line of a PD

SUB_TEMPLATES: tuple[str, ...] = (
    "Koordinasi dan Sinkronisasi {k}",
    "Penyusunan Kebijakan dan Dokumen {k}",
    "Fasilitasi {k}",
    "Pembinaan dan Pengawasan {k}",
    "Pengembangan Kapasitas Sumber Daya Manusia dalam {k}",
    "Komunikasi, Informasi dan Edukasi {k}",
    "Penyediaan Sarana dan Prasarana {k}",
    "Monitoring, Evaluasi dan Pelaporan {k}",
    "Pengumpulan dan Pengolahan Data {k}",
    "Pendampingan {k}",
    "Penyelenggaraan {k}",
    "Peningkatan Kualitas {k}",
)

# program code | program name | kegiatan names separated by ";" (numbered 2.01, 2.02, ...)
_PROGRAMS = """
1.01.02|PROGRAM PENGELOLAAN PENDIDIKAN|Pengelolaan Pendidikan Sekolah Dasar;Pengelolaan Pendidikan Sekolah Menengah Pertama;Pengelolaan Pendidikan Anak Usia Dini (PAUD)
1.01.03|PROGRAM PENGEMBANGAN KURIKULUM|Penetapan Kurikulum Muatan Lokal Pendidikan Dasar
1.01.04|PROGRAM PENDIDIK DAN TENAGA KEPENDIDIKAN|Pemerataan Kuantitas dan Kualitas Pendidik dan Tenaga Kependidikan
2.22.02|PROGRAM PENGEMBANGAN KEBUDAYAAN|Pelestarian Kesenian Tradisional;Pembinaan Lembaga Adat
2.22.05|PROGRAM PELESTARIAN DAN PENGELOLAAN CAGAR BUDAYA|Pengelolaan Cagar Budaya
1.02.02|PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT|Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP;Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan;Penyelenggaraan Sistem Informasi Kesehatan secara Terintegrasi
1.02.03|PROGRAM PENINGKATAN KAPASITAS SUMBER DAYA MANUSIA KESEHATAN|Perencanaan Kebutuhan dan Pendayagunaan Sumber Daya Manusia Kesehatan;Pengembangan Mutu dan Peningkatan Kompetensi Teknis Sumber Daya Manusia Kesehatan
1.02.04|PROGRAM SEDIAAN FARMASI, ALAT KESEHATAN DAN MAKANAN MINUMAN|Pemberian Izin Apotek, Toko Obat, Toko Alat Kesehatan dan Optikal
1.02.05|PROGRAM PEMBERDAYAAN MASYARAKAT BIDANG KESEHATAN|Advokasi, Pemberdayaan, Kemitraan dan Peran serta Masyarakat;Pengembangan Upaya Kesehatan Bersumber Daya Masyarakat (UKBM)
1.03.02|PROGRAM PENGELOLAAN SUMBER DAYA AIR (SDA)|Pengelolaan SDA dan Bangunan Pengaman Pantai;Pengembangan dan Pengelolaan Sistem Irigasi Primer dan Sekunder
1.03.03|PROGRAM PENGELOLAAN DAN PENGEMBANGAN SISTEM PENYEDIAAN AIR MINUM|Pengelolaan dan Pengembangan Sistem Penyediaan Air Minum (SPAM)
1.03.10|PROGRAM PENYELENGGARAAN JALAN|Penyelenggaraan Jalan Kabupaten/Kota
1.03.13|PROGRAM PENYELENGGARAAN PENATAAN RUANG|Penetapan Rencana Tata Ruang Wilayah (RTRW) dan Rencana Rinci Tata Ruang
1.04.02|PROGRAM PENGEMBANGAN PERUMAHAN|Penyediaan dan Rehabilitasi Rumah Korban Bencana atau Relokasi
1.04.03|PROGRAM KAWASAN PERMUKIMAN|Penataan dan Peningkatan Kualitas Kawasan Permukiman Kumuh
1.04.07|PROGRAM PENINGKATAN PRASARANA, SARANA DAN UTILITAS UMUM (PSU)|Penyelenggaraan Prasarana, Sarana dan Utilitas Umum Perumahan
2.11.03|PROGRAM PENGENDALIAN PENCEMARAN DAN/ATAU KERUSAKAN LINGKUNGAN HIDUP|Pencegahan Pencemaran dan/atau Kerusakan Lingkungan Hidup
2.11.11|PROGRAM PENGELOLAAN PERSAMPAHAN|Pengelolaan Sampah
1.05.02|PROGRAM PENINGKATAN KETENTERAMAN DAN KETERTIBAN UMUM|Penanganan Gangguan Ketenteraman dan Ketertiban Umum;Penegakan Peraturan Daerah Kabupaten/Kota dan Peraturan Bupati
1.05.03|PROGRAM PENANGGULANGAN BENCANA|Pelayanan Informasi Rawan Bencana;Pelayanan Pencegahan dan Kesiapsiagaan terhadap Bencana;Pelayanan Penyelamatan dan Evakuasi Korban Bencana
1.05.04|PROGRAM PENCEGAHAN, PENANGGULANGAN, PENYELAMATAN KEBAKARAN DAN PENYELAMATAN NON KEBAKARAN|Pencegahan, Pengendalian, Pemadaman dan Penyelamatan Kebakaran
1.06.02|PROGRAM PEMBERDAYAAN SOSIAL|Pemberdayaan Sosial Komunitas Adat Terpencil (KAT)
1.06.04|PROGRAM REHABILITASI SOSIAL|Rehabilitasi Sosial Dasar Penyandang Disabilitas, Anak dan Lanjut Usia Terlantar di Luar Panti
1.06.05|PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL|Pengelolaan Data Fakir Miskin Cakupan Daerah Kabupaten/Kota
2.08.02|PROGRAM PENGARUSUTAMAAN GENDER DAN PEMBERDAYAAN PEREMPUAN|Pelembagaan Pengarusutamaan Gender (PUG) pada Lembaga Pemerintah;Pemberdayaan Perempuan Bidang Politik, Hukum, Sosial, dan Ekonomi
2.08.03|PROGRAM PERLINDUNGAN PEREMPUAN|Pencegahan Kekerasan terhadap Perempuan;Penyediaan Layanan Rujukan Lanjutan bagi Perempuan Korban Kekerasan
2.08.05|PROGRAM PENGELOLAAN SISTEM DATA GENDER DAN ANAK|Pengumpulan, Pengolahan, Analisis dan Penyajian Data Gender dan Anak
2.08.06|PROGRAM PEMENUHAN HAK ANAK (PHA)|Pelembagaan PHA pada Lembaga Pemerintah, Nonpemerintah, dan Dunia Usaha
2.08.07|PROGRAM PERLINDUNGAN KHUSUS ANAK|Pencegahan Kekerasan terhadap Anak
2.14.02|PROGRAM PENGENDALIAN PENDUDUK|Pemaduan dan Sinkronisasi Kebijakan Pengendalian Kuantitas Penduduk
2.14.03|PROGRAM PEMBINAAN KELUARGA BERENCANA (KB)|Pengendalian dan Pendistribusian Alat dan Obat Kontrasepsi serta Pelayanan KB;Peran serta Organisasi Kemasyarakatan dalam Pelayanan KB
2.14.04|PROGRAM PEMBERDAYAAN DAN PENINGKATAN KELUARGA SEJAHTERA (KS)|Pembinaan Ketahanan dan Kesejahteraan Keluarga
2.12.02|PROGRAM PENDAFTARAN PENDUDUK|Pelayanan Pendaftaran Penduduk
2.12.03|PROGRAM PENCATATAN SIPIL|Pelayanan Pencatatan Sipil
2.12.04|PROGRAM PENGELOLAAN INFORMASI ADMINISTRASI KEPENDUDUKAN|Pengumpulan dan Pemanfaatan Data Kependudukan;Penyelenggaraan Pengelolaan Informasi Administrasi Kependudukan
2.13.02|PROGRAM PENATAAN DESA|Penyelenggaraan Penataan Desa
2.13.04|PROGRAM ADMINISTRASI PEMERINTAHAN DESA|Pembinaan dan Pengawasan Penyelenggaraan Administrasi Pemerintahan Desa
2.13.05|PROGRAM PEMBERDAYAAN LEMBAGA KEMASYARAKATAN, LEMBAGA ADAT DAN MASYARAKAT HUKUM ADAT|Pemberdayaan Lembaga Kemasyarakatan dan Lembaga Adat
2.15.02|PROGRAM PENYELENGGARAAN LALU LINTAS DAN ANGKUTAN JALAN (LLAJ)|Penyediaan Perlengkapan Jalan di Jalan Kabupaten/Kota;Pengujian Berkala Kendaraan Bermotor;Pengelolaan Terminal Penumpang Tipe C
2.16.02|PROGRAM INFORMASI DAN KOMUNIKASI PUBLIK|Pengelolaan Informasi dan Komunikasi Publik Pemerintah Daerah
2.16.03|PROGRAM APLIKASI INFORMATIKA|Pengelolaan Nama Domain dan Sub Domain Pemerintah Daerah;Pengelolaan e-Government di Lingkup Pemerintah Daerah
2.20.02|PROGRAM PENYELENGGARAAN STATISTIK SEKTORAL|Penyelenggaraan Statistik Sektoral di Lingkup Daerah Kabupaten/Kota
2.21.02|PROGRAM PENYELENGGARAAN PERSANDIAN UNTUK PENGAMANAN INFORMASI|Penyelenggaraan Persandian untuk Pengamanan Informasi Pemerintah Daerah
2.17.05|PROGRAM PENDIDIKAN DAN LATIHAN PERKOPERASIAN|Pendidikan dan Latihan Perkoperasian
2.17.08|PROGRAM PENGEMBANGAN UMKM|Pengembangan Usaha Mikro dengan Orientasi Peningkatan Skala Usaha
3.30.04|PROGRAM PENINGKATAN SARANA DISTRIBUSI PERDAGANGAN|Pembangunan dan Pengelolaan Sarana Distribusi Perdagangan
3.30.06|PROGRAM STANDARDISASI DAN PERLINDUNGAN KONSUMEN|Pelaksanaan Metrologi Legal, Tera, Tera Ulang dan Pengawasan
3.31.02|PROGRAM PERENCANAAN DAN PEMBANGUNAN INDUSTRI|Penyusunan, Penerapan, dan Evaluasi Rencana Pembangunan Industri
2.18.02|PROGRAM PENGEMBANGAN IKLIM PENANAMAN MODAL|Penetapan Pemberian Fasilitas/Insentif di Bidang Penanaman Modal
2.18.03|PROGRAM PROMOSI PENANAMAN MODAL|Penyelenggaraan Promosi Penanaman Modal
2.18.04|PROGRAM PELAYANAN PENANAMAN MODAL|Pelayanan Perizinan dan Nonperizinan secara Terpadu Satu Pintu
3.26.02|PROGRAM PENINGKATAN DAYA TARIK DESTINASI PARIWISATA|Pengelolaan Daya Tarik Wisata Kabupaten/Kota
3.26.03|PROGRAM PEMASARAN PARIWISATA|Pemasaran Pariwisata Daya Tarik, Destinasi dan Kawasan Strategis Pariwisata
2.19.02|PROGRAM PENGEMBANGAN KAPASITAS DAYA SAING KEPEMUDAAN|Penyadaran, Pemberdayaan, dan Pengembangan Pemuda dan Kepemudaan
2.19.03|PROGRAM PENGEMBANGAN KAPASITAS DAYA SAING KEOLAHRAGAAN|Penyelenggaraan Kejuaraan Olahraga;Pembinaan dan Pengembangan Olahraga Prestasi
2.23.02|PROGRAM PEMBINAAN PERPUSTAKAAN|Pengelolaan Perpustakaan Tingkat Daerah Kabupaten/Kota;Pembudayaan Gemar Membaca
2.24.02|PROGRAM PENGELOLAAN ARSIP|Pengelolaan Arsip Dinamis Pemerintah Daerah;Pengelolaan Arsip Statis Pemerintah Daerah
3.27.02|PROGRAM PENYEDIAAN DAN PENGEMBANGAN SARANA PERTANIAN|Pengawasan Penggunaan Sarana Pendukung Pertanian
3.27.03|PROGRAM PENYEDIAAN DAN PENGEMBANGAN PRASARANA PERTANIAN|Pengembangan Prasarana Pertanian
3.27.07|PROGRAM PENYULUHAN PERTANIAN|Pelaksanaan Penyuluhan Pertanian
2.09.03|PROGRAM PENINGKATAN DIVERSIFIKASI DAN KETAHANAN PANGAN MASYARAKAT|Pencapaian Target Konsumsi Pangan sesuai Angka Kecukupan Gizi
2.09.04|PROGRAM PENANGANAN KERAWANAN PANGAN|Penyediaan dan Penyaluran Pangan Pokok dalam rangka Stabilisasi Pasokan dan Harga
3.25.03|PROGRAM PENGELOLAAN PERIKANAN TANGKAP|Pemberdayaan Nelayan Kecil
3.25.04|PROGRAM PENGELOLAAN PERIKANAN BUDIDAYA|Pemberdayaan Pembudi Daya Ikan Kecil
3.25.06|PROGRAM PENGOLAHAN DAN PEMASARAN HASIL PERIKANAN|Pembinaan Mutu dan Keamanan Hasil Perikanan Skala Mikro dan Kecil
2.07.03|PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA|Pelaksanaan Pelatihan berdasarkan Unit Kompetensi;Konsultansi Produktivitas pada Perusahaan Kecil
2.07.04|PROGRAM PENEMPATAN TENAGA KERJA|Pelayanan Antarkerja di Daerah Kabupaten/Kota
3.32.04|PROGRAM PEMBANGUNAN KAWASAN TRANSMIGRASI|Pembangunan Satuan Permukiman pada Tahap Kemandirian
4.01.02|PROGRAM PEMERINTAHAN DAN KESEJAHTERAAN RAKYAT|Pelaksanaan Kebijakan Kesejahteraan Rakyat;Fasilitasi Kerja Sama Daerah;Pelaksanaan Kebijakan Hukum
4.01.03|PROGRAM PEREKONOMIAN DAN PEMBANGUNAN|Pelaksanaan Kebijakan Perekonomian;Pelaksanaan Administrasi Pembangunan;Pengelolaan Pengadaan Barang dan Jasa
4.02.02|PROGRAM DUKUNGAN PELAKSANAAN TUGAS DAN FUNGSI DPRD|Pembentukan Peraturan Daerah dan Peraturan DPRD;Pembahasan Kebijakan Anggaran;Pengawasan Penyelenggaraan Pemerintahan
5.01.02|PROGRAM PERENCANAAN, PENGENDALIAN DAN EVALUASI PEMBANGUNAN DAERAH|Penyusunan Perencanaan dan Pendanaan;Pengendalian, Evaluasi dan Pelaporan Pembangunan Daerah
5.01.03|PROGRAM KOORDINASI DAN SINERGI PERENCANAAN PEMBANGUNAN DAERAH|Koordinasi Perencanaan Bidang Pemerintahan dan Pembangunan Manusia;Koordinasi Perencanaan Bidang Perekonomian dan Sumber Daya Alam
5.02.02|PROGRAM PENGELOLAAN KEUANGAN DAERAH|Koordinasi dan Penyusunan Rencana Anggaran Daerah;Koordinasi dan Pengelolaan Perbendaharaan Daerah;Koordinasi dan Pelaksanaan Akuntansi dan Pelaporan Keuangan Daerah
5.02.03|PROGRAM PENGELOLAAN BARANG MILIK DAERAH|Pengelolaan Barang Milik Daerah
5.02.04|PROGRAM PENGELOLAAN PENDAPATAN DAERAH|Pengelolaan Pendapatan Daerah;Pembinaan dan Pengawasan Pengelolaan Pendapatan Daerah
5.03.02|PROGRAM KEPEGAWAIAN DAERAH|Pengadaan, Pemberhentian dan Informasi Kepegawaian ASN;Mutasi dan Promosi ASN;Penilaian Kinerja dan Pemberdayaan ASN
5.04.02|PROGRAM PENGEMBANGAN SUMBER DAYA MANUSIA|Pengembangan Kompetensi Teknis;Sertifikasi, Kelembagaan, Pengembangan Kompetensi Manajerial dan Fungsional
6.01.02|PROGRAM PENYELENGGARAAN PENGAWASAN|Penyelenggaraan Pengawasan Internal;Penyelenggaraan Pengawasan dengan Tujuan Tertentu
6.01.03|PROGRAM PERUMUSAN KEBIJAKAN, PENDAMPINGAN DAN ASISTENSI|Perumusan Kebijakan Teknis di Bidang Pengawasan;Pendampingan dan Asistensi
7.01.02|PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK|Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan;Penyelenggaraan Urusan Pemerintahan yang Dilimpahkan kepada Camat
7.01.03|PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN|Koordinasi Kegiatan Pemberdayaan Desa
7.01.04|PROGRAM KOORDINASI KETENTERAMAN DAN KETERTIBAN UMUM|Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum
7.01.06|PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA|Pembinaan dan Pengawasan Penyelenggaraan Pemerintahan Desa
8.01.02|PROGRAM PENGUATAN IDEOLOGI PANCASILA DAN KARAKTER KEBANGSAAN|Pemantapan Pelaksanaan Ideologi Pancasila dan Wawasan Kebangsaan
8.01.03|PROGRAM PENINGKATAN PERAN PARTAI POLITIK DAN LEMBAGA PENDIDIKAN MELALUI PENDIDIKAN POLITIK|Pelaksanaan Kebijakan di Bidang Pendidikan Politik dan Peningkatan Demokrasi
8.01.06|PROGRAM PENINGKATAN KEWASPADAAN NASIONAL DAN PENANGANAN KONFLIK SOSIAL|Pelaksanaan Kebijakan di Bidang Kewaspadaan Nasional
"""  # noqa: E501


@dataclass(frozen=True)
class Program:
    kode: str
    nama: str
    kegiatan: tuple[str, ...]  # names of kegiatan 2.01, 2.02, ...

    @property
    def bidang(self) -> str:
        return self.kode[:4]


PROGRAMS: dict[str, Program] = {}
for _line in _PROGRAMS.strip().splitlines():
    _kode, _nama, _kegiatan = _line.split("|")
    PROGRAMS[_kode] = Program(_kode, _nama, tuple(_kegiatan.split(";")))


def programs_of(bidang: str) -> list[Program]:
    return [p for p in PROGRAMS.values() if p.bidang == bidang]


def sub_name(kegiatan: str, number: int) -> str:
    """The name of sub kegiatan ``number`` (1-12) of a substantive kegiatan."""
    return SUB_TEMPLATES[number - 1].format(k=kegiatan)
