"""The references registry: every rule and every medical statement in the series cites a key here.

Each entry's details are checked against the source it names; where only a secondary source or
the evidence notes could be checked, not the original, the entry's ``note`` says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from html import escape


class Kind(StrEnum):
    """What sort of source an entry is; each sort needs its own fields (see ``REQUIRED``)."""

    ARTICLE = "article"  # journal paper or Cochrane review: volume/pages and DOI, PMID or URL
    GUIDELINE = "guideline"  # guideline or toolkit from a named body, with its address
    WEB = "web"  # a web page from a named organisation or maker, with its address
    LEAFLET = "leaflet"  # a printed patient leaflet: the note says where it was read
    REGULATION = "regulation"  # a section of a law or regulation, with its official address
    NEWS = "news"  # a news report, with its address


@dataclass(frozen=True, kw_only=True)
class Reference:
    key: str
    authors: str
    year: str
    title: str
    where: str
    link: str
    kind: Kind = Kind.ARTICLE
    note: str = ""

    def missing(self) -> list[str]:
        """The fields this entry's kind needs that are empty or malformed (none: complete)."""
        gaps = [name for name in ("authors", "year", "title", "where") if not getattr(self, name)]
        if self.kind is Kind.LEAFLET:
            if not self.note:
                gaps.append("note (where the leaflet was read)")
        elif not self.link.startswith(("https://", "http://")):
            gaps.append("link")
        if self.kind is Kind.ARTICLE:
            if not re.search(r"\d", self.where):
                gaps.append("volume/pages in where")
            if not re.match(r"\d{4}$", self.year):
                gaps.append("a four-digit year")
        return gaps

    def citation(self) -> str:
        """The full citation as plain text, in one line."""
        parts = [f"{self.authors} ({self.year}). {self.title}. {self.where}."]
        if self.link:
            parts.append(self.link)
        if self.note:
            parts.append(f"({self.note})")
        return " ".join(parts)

    def citation_html(self) -> str:
        """The full citation as HTML; the link is shown as text so it survives printing."""
        text = escape(f"{self.authors} ({self.year}). {self.title}. {self.where}.")
        if self.link:
            url = escape(self.link, quote=True)
            text += f' <a href="{url}">{escape(self.link)}</a>'
        if self.note:
            text += f" ({escape(self.note)})"
        return text


def _doi(doi: str) -> str:
    return f"https://doi.org/{doi}"


_ENTRIES: tuple[Reference, ...] = (
    # Spinal stenosis: what it is, who gets it, how it shows itself
    Reference(
        key="katz2022",
        authors="Katz JN, Zimmerman ZE, Mass H, Makhni MC",
        year="2022",
        title="Diagnosis and management of lumbar spinal stenosis: a review",
        where="JAMA 327(17):1688-1699",
        link=_doi("10.1001/jama.2022.5921"),
    ),
    Reference(
        key="jensen2020",
        authors="Jensen RK, Jensen TS, Koes B, Hartvigsen J",
        year="2020",
        title="Prevalence of lumbar spinal stenosis in general and clinical populations: "
        "a systematic review and meta-analysis",
        where="European Spine Journal 29:2143-2163",
        link=_doi("10.1007/s00586-020-06339-1"),
    ),
    Reference(
        key="kalichman2009",
        authors="Kalichman L, Cole R, Kim DH, et al.",
        year="2009",
        title="Spinal stenosis prevalence and association with symptoms: the Framingham Study",
        where="The Spine Journal 9(7):545-550",
        link=_doi("10.1016/j.spinee.2009.03.005"),
    ),
    Reference(
        key="suri2010",
        authors="Suri P, Rainville J, Kalichman L, Katz JN",
        year="2010",
        title="Does this older adult with lower extremity pain have the clinical syndrome of "
        "lumbar spinal stenosis?",
        where="JAMA 304(23):2628-2636",
        link=_doi("10.1001/jama.2010.1833"),
    ),
    Reference(
        key="schizas2010",
        authors="Schizas C, Theumann N, Burn A, et al.",
        year="2010",
        title="Qualitative grading of severity of lumbar spinal stenosis based on the "
        "morphology of the dural sac on magnetic resonance images",
        where="Spine 35(21):1919-1924",
        link="https://pubmed.ncbi.nlm.nih.gov/20671589/",
    ),
    Reference(
        key="mayo_stenosis",
        authors="Mayo Clinic",
        year="n.d.",
        title="Spinal stenosis: symptoms and causes",
        where="Mayo Foundation for Medical Education and Research",
        link="https://www.mayoclinic.org/diseases-conditions/spinal-stenosis/symptoms-causes/"
        "syc-20352961",
        kind=Kind.WEB,
    ),
    Reference(
        key="cleveland_stenosis",
        authors="Cleveland Clinic",
        year="n.d.",
        title="Spinal stenosis",
        where="Cleveland Clinic health library, article 17499",
        link="https://my.clevelandclinic.org/health/diseases/17499-spinal-stenosis",
        kind=Kind.WEB,
    ),
    Reference(
        key="niams2013",
        authors="National Institute of Arthritis and Musculoskeletal and Skin Diseases",
        year="2013",
        title="Questions and answers about spinal stenosis",
        where="US National Institutes of Health (archived copy)",
        link="https://cybercemetery.unt.edu/archive/oilspill/20130214050507/"
        "http://www.niams.nih.gov/Health_Info/Spinal_Stenosis/default.asp",
        kind=Kind.WEB,
    ),
    # The neck: cervical stenosis and myelopathy
    Reference(
        key="houten2022",
        authors="Houten JK, Shahsavarani S, Verma RB",
        year="2022",
        title="The natural history of degenerative cervical myelopathy",
        where="Clinical Spine Surgery 35(10):396-402",
        link=_doi("10.1097/BSD.0000000000001405"),
    ),
    Reference(
        key="nouri2022",
        authors="Nouri A, et al.",
        year="2022",
        title="Degenerative cervical myelopathy: development and natural history "
        "[AO Spine RECODE-DCM research priority number 2]",
        where="Global Spine Journal 12(1 suppl):39S-54S",
        link=_doi("10.1177/21925682211036071"),
    ),
    Reference(
        key="fehlings2017",
        authors="Fehlings MG, Tetreault LA, Riew KD, et al.",
        year="2017",
        title="A clinical practice guideline for the management of patients with "
        "degenerative cervical myelopathy: recommendations for patients with mild, moderate, "
        "and severe disease and nonmyelopathic patients with evidence of cord compression",
        where="Global Spine Journal 7(3 Suppl):70S-83S",
        link=_doi("10.1177/2192568217701914"),
    ),
    # Red flags and what to do about them
    Reference(
        key="royalfree_ces",
        authors="Royal Free London NHS Foundation Trust",
        year="n.d.",
        title="Cauda equina syndrome: patient information leaflet",
        where="Royal Free London NHS Foundation Trust",
        link="https://royalfree.nhs.uk/patients-and-visitors/patient-information-leaflets/"
        "cauda-equina-syndrome",
        kind=Kind.WEB,
    ),
    Reference(
        key="tims_stenosis",
        authors="Tyneside Integrated Musculoskeletal Service (NHS)",
        year="n.d.",
        title="Spinal stenosis: patient information leaflet",
        where="Tyneside Integrated Musculoskeletal Service, Newcastle upon Tyne",
        link="",
        kind=Kind.LEAFLET,
        note="printed leaflet; read in a copy published at info.5y1.org",
    ),
    Reference(
        key="glos_redflags",
        authors="Gloucestershire NHS clinical pathways",
        year="n.d.",
        title="Low back pain: red flags (derived from NICE Clinical Knowledge Summaries)",
        where="NHS Gloucestershire G-Care",
        link="https://g-care.glos.nhs.uk/pathway/71/resource/3",
        kind=Kind.GUIDELINE,
    ),
    Reference(
        key="cks_redflags",
        authors="NICE Clinical Knowledge Summaries",
        year="n.d.",
        title="Sciatica (lumbar radiculopathy): interpreting red flags",
        where="National Institute for Health and Care Excellence (archived page)",
        link="http://www.cks.nhs.uk/sciatica_lumbar_radiculopathy/management/"
        "scenario_diagnosis/assessing_for_serious_risks_red_flags/interpreting_red_flags",
        kind=Kind.GUIDELINE,
    ),
    Reference(
        key="verhagen2016",
        authors="Verhagen AP, Downie A, Popal N, Maher C, Koes BW",
        year="2016",
        title="Red flags presented in current low back pain guidelines: a review",
        where="European Spine Journal 25(9):2788-2802",
        link=_doi("10.1007/s00586-016-4684-0"),
    ),
    Reference(
        key="girft2023",
        authors="Getting It Right First Time (GIRFT), NHS England",
        year="2023",
        title="National suspected cauda equina syndrome pathway",
        where="GIRFT news release",
        link="https://gettingitrightfirsttime.co.uk/pathway-supports-clinicians-to-diagnose-"
        "and-treat-cauda-equina-syndrome-without-delay/",
        kind=Kind.WEB,
    ),
    # Massage and massagers: evidence
    Reference(
        key="furlan2015",
        authors="Furlan AD, Giraldo M, Baskwill A, Irvin E, Imamura M",
        year="2015",
        title="Massage for low-back pain",
        where="Cochrane Database of Systematic Reviews, CD001929",
        link=_doi("10.1002/14651858.CD001929.pub3"),
    ),
    Reference(
        key="acp2017",
        authors="Qaseem A, et al.",
        year="2017",
        title="Noninvasive treatments for acute, subacute, and chronic low back pain: a "
        "clinical practice guideline from the American College of Physicians",
        where="Annals of Internal Medicine 166(7):514-530",
        link=_doi("10.7326/M16-2367"),
    ),
    Reference(
        key="nice_ng59",
        authors="National Institute for Health and Care Excellence",
        year="2016, updated 2020",
        title="Low back pain and sciatica in over 16s: assessment and management (NG59)",
        where="NICE guideline",
        link="https://www.nice.org.uk/guidance/ng59",
        kind=Kind.GUIDELINE,
    ),
    Reference(
        key="ammendolia2013",
        authors="Ammendolia C, et al.",
        year="2013",
        title="Nonoperative treatment for lumbar spinal stenosis with neurogenic claudication",
        where="Cochrane Database of Systematic Reviews, CD010712",
        link=_doi("10.1002/14651858.CD010712"),
    ),
    Reference(
        key="ammendolia2022",
        authors="Ammendolia C, et al.",
        year="2022",
        title="Non-operative treatment for lumbar spinal stenosis with neurogenic "
        "claudication: an updated systematic review",
        where="BMJ Open 12:e057724",
        link=_doi("10.1136/bmjopen-2021-057724"),
    ),
    Reference(
        key="bussieres2021",
        authors="Bussieres A, Cancelliere C, Ammendolia C, et al.",
        year="2021",
        title="Non-surgical interventions for lumbar spinal stenosis leading to neurogenic "
        "claudication: a clinical practice guideline",
        where="The Journal of Pain 22(9):1015-1039",
        link=_doi("10.1016/j.jpain.2021.03.147"),
        note="funded by the Canadian Chiropractic Research Foundation",
    ),
    Reference(
        key="sams2023",
        authors="Sams L, Langdown BL, Simons J, Vseteckova J",
        year="2023",
        title="The effect of percussive therapy on musculoskeletal performance and "
        "experiences of pain: a systematic literature review",
        where="International Journal of Sports Physical Therapy 18(2):309-327",
        link=_doi("10.26603/001c.73795"),
    ),
    Reference(
        key="ferreira2023",
        authors="Ferreira RM, Silva R, Vigario P, et al.",
        year="2023",
        title="The effects of massage guns on performance and recovery: a systematic review",
        where="Journal of Functional Morphology and Kinesiology 8(3):138",
        link=_doi("10.3390/jfmk8030138"),
    ),
    Reference(
        key="fda_massager",
        authors="US Food and Drug Administration",
        year="n.d.",
        title="21 CFR 890.5660 Therapeutic massager",
        where="Code of Federal Regulations, Title 21, Part 890 (Class I, exempt from "
        "premarket notification)",
        link="https://www.ecfr.gov/current/title-21/chapter-I/subchapter-H/part-890/"
        "subpart-F/section-890.5660",
        kind=Kind.REGULATION,
    ),
    Reference(
        key="fda_vibrator",
        authors="US Food and Drug Administration",
        year="n.d.",
        title="21 CFR 890.5975 Therapeutic vibrator",
        where="Code of Federal Regulations, Title 21, Part 890 (Class I, exempt from "
        "premarket notification)",
        link="https://www.ecfr.gov/current/title-21/chapter-I/subchapter-H/part-890/"
        "subpart-F/section-890.5975",
        kind=Kind.REGULATION,
    ),
    Reference(
        key="nccih_massage",
        authors="National Center for Complementary and Integrative Health",
        year="n.d.",
        title="Massage therapy: what you need to know",
        where="US National Institutes of Health",
        link="https://www.nccih.nih.gov/health/massage-therapy-what-you-need-to-know",
        note="read in a copy of the text; check the live page",
        kind=Kind.WEB,
    ),
    # Massagers: harms reported
    Reference(
        key="yin2014",
        authors="Yin P, et al.",
        year="2014",
        title="Adverse events of massage therapy in pain-related conditions: a systematic review",
        where="Evidence-Based Complementary and Alternative Medicine 2014:480956",
        link=_doi("10.1155/2014/480956"),
    ),
    Reference(
        key="sulkowski2022",
        authors="Sulkowski K, Grant G, Brodie T",
        year="2022",
        title="Case report: vertebral artery dissection after use of handheld massage gun",
        where="Clinical Practice and Cases in Emergency Medicine 6(2):159-161",
        link=_doi("10.5811/cpcem.2022.2.56046"),
    ),
    Reference(
        key="shariff2023",
        authors="Shariff E, et al.",
        year="2023",
        title="Home self-massage device necessitates public awareness: vertebral artery "
        "dissection associated with a home massage device",
        where="Cureus 15(1):e33394",
        link=_doi("10.7759/cureus.33394"),
    ),
    Reference(
        key="chen2021",
        authors="Chen J, Zhang F, Chen H, Pan H",
        year="2021",
        title="Rhabdomyolysis after the use of percussion massage gun: a case report",
        where="Physical Therapy 101(1):pzaa199",
        link=_doi("10.1093/ptj/pzaa199"),
    ),
    Reference(
        key="mainichi2017",
        authors="The Mainichi",
        year="2017",
        title="Woman suffocates after using foot massage machine on neck",
        where="The Mainichi (English edition), 29 July 2017",
        link="https://mainichi.jp/english/articles/20170729/p2a/00m/0na/017000c",
        kind=Kind.NEWS,
    ),
    Reference(
        key="burns1987",
        authors="Katcher ML, Shapiro MM",
        year="1987",
        title="Lower extremity burns related to sensory loss in diabetes mellitus",
        where="Journal of Family Practice 24(2):149-151",
        link="https://pubmed.ncbi.nlm.nih.gov/3806025/",
        note="PMID 3806025; authors' names not shown in the record read",
    ),
    # Manufacturers' warnings
    Reference(
        key="therabody",
        authors="Therabody",
        year="n.d.",
        title="Precautions and contraindications",
        where="Therabody website",
        link="https://www.therabody.com/us/en-us/precautions-and-contraindictions.html",
        kind=Kind.WEB,
    ),
    Reference(
        key="hyperice",
        authors="Hyperice",
        year="n.d.",
        title="Percussion and vibration devices: consult your physician before using this product",
        where="Hyperice website",
        link="https://hyperice.com/best-buy-experience",
        kind=Kind.WEB,
    ),
    Reference(
        key="heating_pad_warnings",
        authors="Battle Creek Equipment",
        year="n.d.",
        title="Heating pad warnings",
        where="Battle Creek Equipment website",
        link="http://www.battlecreekequipment.com/warnings.cfm",
        kind=Kind.WEB,
    ),
    # Other treatments
    Reference(
        key="delitto2015",
        authors="Delitto A, et al.",
        year="2015",
        title="Surgery versus nonsurgical treatment of lumbar spinal stenosis: a randomized trial",
        where="Annals of Internal Medicine 162(7):465-473",
        link=_doi("10.7326/M14-1420"),
    ),
    Reference(
        key="schneider2019",
        authors="Schneider MJ, et al.",
        year="2019",
        title="Comparative clinical effectiveness of nonsurgical treatment methods in "
        "patients with lumbar spinal stenosis: a randomized clinical trial",
        where="JAMA Network Open 2(1):e186828",
        link="https://pmc.ncbi.nlm.nih.gov/articles/PMC6324321/",
    ),
    Reference(
        key="wegner2013",
        authors="Wegner I, et al.",
        year="2013",
        title="Traction for low-back pain with or without sciatica",
        where="Cochrane Database of Systematic Reviews, CD003010",
        link=_doi("10.1002/14651858.CD003010.pub5"),
    ),
    Reference(
        key="acupuncture2024",
        authors="Zhu L, Sun Y, Kang J, et al.",
        year="2024",
        title="Effect of acupuncture on neurogenic claudication among patients with "
        "degenerative lumbar spinal stenosis: a randomized clinical trial",
        where="Annals of Internal Medicine 177(8):1048-1057",
        link=_doi("10.7326/M23-2749"),
        note="PMID 38950397; trial NCT03784729",
    ),
    Reference(
        key="friedly2014",
        authors="Friedly JL, et al.",
        year="2014",
        title="A randomized trial of epidural glucocorticoid injections for spinal stenosis",
        where="New England Journal of Medicine 371:11-21",
        link=_doi("10.1056/NEJMoa1313265"),
    ),
    Reference(
        key="markman2015",
        authors="Markman JD, Frazer ME, Rast SA, et al.",
        year="2015",
        title="Double-blind, randomized, controlled, crossover trial of pregabalin for "
        "neurogenic claudication",
        where="Neurology 84(3):265-272",
        link=_doi("10.1212/WNL.0000000000001168"),
    ),
    Reference(
        key="weinstein2008",
        authors="Weinstein JN, Tosteson TD, Lurie JD, et al.",
        year="2008",
        title="Surgical versus nonsurgical therapy for lumbar spinal stenosis",
        where="New England Journal of Medicine 358(8):794-810",
        link=_doi("10.1056/NEJMoa0707136"),
        note="the Spine Patient Outcomes Research Trial (SPORT)",
    ),
    Reference(
        key="lurie2015",
        authors="Lurie JD, et al.",
        year="2015",
        title="Long-term outcomes of lumbar spinal stenosis: eight-year results of the "
        "Spine Patient Outcomes Research Trial (SPORT)",
        where="Spine 40(2):63-76",
        link="https://pmc.ncbi.nlm.nih.gov/articles/PMC4288009/",
    ),
    Reference(
        key="radcliff2013",
        authors="Radcliff K, Curry P, Hilibrand A, et al.",
        year="2013",
        title="Risk for adjacent segment and same segment reoperation after surgery for "
        "lumbar stenosis: a subgroup analysis of the Spine Patient Outcomes Research Trial "
        "(SPORT)",
        where="Spine 38(7):531-539",
        link=_doi("10.1097/BRS.0b013e31827c99f0"),
    ),
    Reference(
        key="healthwise_surgery",
        authors="Healthwise",
        year="n.d.",
        title="Lumbar spinal stenosis: should I have surgery?",
        where="Healthwise decision point, printed copy hosted for Kaiser Permanente",
        link="https://print.healthwise.net/kaiser/kpisg/Print/PrintTableOfContents.aspx"
        "?token=kpisg&localization=en-us&version=&docid=aa121240",
        kind=Kind.WEB,
    ),
    Reference(
        key="slater2015",
        authors="Slater J, Kolber MJ, Schellhase KC, et al.",
        year="2015",
        title="The influence of exercise on perceived pain and disability in patients with "
        "lumbar spinal stenosis: a systematic review of randomized controlled trials",
        where="American Journal of Lifestyle Medicine 10(2):136-147",
        link=_doi("10.1177/1559827615571510"),
    ),
    Reference(
        key="sinaki1984",
        authors="Sinaki M, Mikkelsen BA",
        year="1984",
        title="Postmenopausal spinal osteoporosis: flexion versus extension exercises",
        where="Archives of Physical Medicine and Rehabilitation 65(10):593-596",
        link="https://pubmed.ncbi.nlm.nih.gov/6487063/",
    ),
    Reference(
        key="fda_esi2014",
        authors="US Food and Drug Administration",
        year="2014",
        title="FDA requires label changes to warn of rare but serious neurologic problems "
        "after epidural corticosteroid injections for pain",
        where="FDA Drug Safety Communication, 23 April 2014",
        link="http://www.fda.gov/Drugs/DrugSafety/ucm394280.htm",
        kind=Kind.WEB,
    ),
    Reference(
        key="joseph_williams2014",
        authors="Joseph-Williams N, Newcombe R, Politi M, et al.",
        year="2014",
        title="Toward minimum standards for certifying patient decision aids: a modified "
        "Delphi consensus process",
        where="Medical Decision Making 34(6):699-710",
        link="https://pubmed.ncbi.nlm.nih.gov/23963501/",
    ),
    # Patient education standards
    Reference(
        key="ahrq_teachback",
        authors="Agency for Healthcare Research and Quality",
        year="2015",
        title="Health Literacy Universal Precautions Toolkit, 2nd edition: "
        "Tool 5, use the teach-back method",
        where="AHRQ",
        link="https://www.ahrq.gov/health-literacy/improve/precautions/tool5.html",
        kind=Kind.GUIDELINE,
    ),
    # Safety review (issue 9): a suspected clot, TENS cautions, magnets and implants
    Reference(
        key="nhs_dvt",
        authors="NHS",
        year="n.d.",
        title="DVT (deep vein thrombosis)",
        where="NHS website, Health A to Z",
        link="https://www.nhs.uk/conditions/deep-vein-thrombosis-dvt/",
        note="read through reports quoting the page; check the live page",
        kind=Kind.WEB,
    ),
    Reference(
        key="nhs_tens",
        authors="NHS",
        year="n.d.",
        title="TENS (transcutaneous electrical nerve stimulation)",
        where="NHS website, Tests and treatments",
        link="https://www.nhs.uk/conditions/transcutaneous-electrical-nerve-stimulation-tens/",
        note="cautions also in TENS makers' leaflets; check the live page",
        kind=Kind.WEB,
    ),
    Reference(
        key="fda_magnets",
        authors="US Food and Drug Administration",
        year="n.d.",
        title="Magnets in cell phones and smart watches may affect pacemakers and other "
        "implanted medical devices",
        where="FDA, Radiation-emitting products",
        link="https://www.fda.gov/radiation-emitting-products/cell-phones/magnets-cell-phones-"
        "and-smart-watches-may-affect-pacemakers-and-other-implanted-medical-devices",
        kind=Kind.WEB,
    ),
    Reference(
        key="wcag21",
        authors="World Wide Web Consortium (W3C)",
        year="2018",
        title="Web Content Accessibility Guidelines (WCAG) 2.1",
        where="W3C Recommendation",
        link="https://www.w3.org/TR/WCAG21/",
        kind=Kind.GUIDELINE,
    ),
)

REFERENCES: dict[str, Reference] = {ref.key: ref for ref in _ENTRIES}


def get(key: str) -> Reference:
    """The reference for ``key``; an unknown key is an error, never a blank citation."""
    try:
        return REFERENCES[key]
    except KeyError:
        known = ", ".join(sorted(REFERENCES))
        raise KeyError(f"unknown reference key {key!r}; known keys: {known}") from None


def citations(keys: list[str] | tuple[str, ...]) -> list[Reference]:
    """References for ``keys`` in the order given, each once."""
    seen: dict[str, Reference] = {}
    for key in keys:
        seen.setdefault(key, get(key))
    return list(seen.values())
