"""The references registry: every rule and every medical statement in the series cites a key here.

Facts come from ``../shared/clinical-evidence.md``. An entry whose details were not checked
against the original (only a secondary source or the evidence notes) says so in ``note``.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True, kw_only=True)
class Reference:
    key: str
    authors: str
    year: str
    title: str
    where: str
    link: str
    note: str = ""

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
        authors="Kalichman L, et al.",
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
        authors="Schizas C, et al.",
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
    ),
    Reference(
        key="cleveland_stenosis",
        authors="Cleveland Clinic",
        year="n.d.",
        title="Spinal stenosis",
        where="Cleveland Clinic health library, article 17499",
        link="https://my.clevelandclinic.org/health/diseases/17499-spinal-stenosis",
    ),
    Reference(
        key="niams2013",
        authors="National Institute of Arthritis and Musculoskeletal and Skin Diseases",
        year="2013",
        title="Questions and answers about spinal stenosis",
        where="US National Institutes of Health (archived copy)",
        link="https://cybercemetery.unt.edu/archive/oilspill/20130214050507/"
        "http://www.niams.nih.gov/Health_Info/Spinal_Stenosis/default.asp",
    ),
    # The neck: cervical stenosis and myelopathy
    Reference(
        key="houten2022",
        authors="Houten JK, et al.",
        year="2022",
        title="The natural history of degenerative cervical myelopathy",
        where="Clinical Spine Surgery 35(10):396-402",
        link="",
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
        authors="Fehlings MG, et al.",
        year="2017",
        title="A clinical practice guideline for the management of patients with "
        "degenerative cervical myelopathy",
        where="Global Spine Journal",
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
    ),
    Reference(
        key="tims_stenosis",
        authors="Tyneside Integrated Musculoskeletal Service (NHS)",
        year="n.d.",
        title="Spinal stenosis: patient information leaflet",
        where="Tyneside Integrated Musculoskeletal Service",
        link="",
        note="read in a copy of the leaflet",
    ),
    Reference(
        key="glos_redflags",
        authors="Gloucestershire NHS clinical pathways",
        year="n.d.",
        title="Low back pain: red flags (derived from NICE Clinical Knowledge Summaries)",
        where="NHS Gloucestershire G-Care",
        link="https://g-care.glos.nhs.uk/pathway/71/resource/3",
    ),
    Reference(
        key="cks_redflags",
        authors="NICE Clinical Knowledge Summaries",
        year="n.d.",
        title="Sciatica (lumbar radiculopathy): interpreting red flags",
        where="National Institute for Health and Care Excellence (archived page)",
        link="http://www.cks.nhs.uk/sciatica_lumbar_radiculopathy/management/"
        "scenario_diagnosis/assessing_for_serious_risks_red_flags/interpreting_red_flags",
    ),
    Reference(
        key="verhagen2016",
        authors="Verhagen AP, et al.",
        year="2016",
        title="Red flags presented in current low back pain guidelines: a review",
        where="European Spine Journal 25:2788-2802",
        link="",
    ),
    Reference(
        key="girft2023",
        authors="Getting It Right First Time (GIRFT), NHS England",
        year="2023",
        title="National suspected cauda equina syndrome pathway",
        where="GIRFT news release",
        link="https://gettingitrightfirsttime.co.uk/pathway-supports-clinicians-to-diagnose-"
        "and-treat-cauda-equina-syndrome-without-delay/",
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
        authors="Bussieres A, et al.",
        year="2021",
        title="Non-surgical interventions for lumbar spinal stenosis leading to neurogenic "
        "claudication: a clinical practice guideline",
        where="The Journal of Pain 22(9):1015-1039",
        link="",
        note="funded by the Canadian Chiropractic Research Foundation",
    ),
    Reference(
        key="sams2023",
        authors="Sams L, et al.",
        year="2023",
        title="The effect of percussive therapy on musculoskeletal performance and "
        "experiences of pain: a systematic literature review",
        where="International Journal of Sports Physical Therapy 18(2):309-327",
        link="https://pmc.ncbi.nlm.nih.gov/articles/PMC10069390/",
        note="title not checked against the original",
    ),
    Reference(
        key="ferreira2023",
        authors="Ferreira RM, et al.",
        year="2023",
        title="Effects of massage guns on performance and recovery: a systematic review",
        where="Journal of Functional Morphology and Kinesiology 8(3):138",
        link="https://pmc.ncbi.nlm.nih.gov/articles/PMC10532323/",
        note="title not checked against the original",
    ),
    Reference(
        key="fda_massager",
        authors="US Food and Drug Administration",
        year="n.d.",
        title="21 CFR 890.5660 Therapeutic massager (Class I, exempt from premarket notification)",
        where="Code of Federal Regulations, Title 21",
        link="https://www.ecfr.gov/current/title-21/chapter-I/subchapter-H/part-890/"
        "subpart-F/section-890.5660",
    ),
    Reference(
        key="nccih_massage",
        authors="National Center for Complementary and Integrative Health",
        year="n.d.",
        title="Massage therapy: what you need to know",
        where="US National Institutes of Health",
        link="https://www.nccih.nih.gov/health/massage-therapy-what-you-need-to-know",
        note="read in a copy of the text; check the live page",
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
        title="Vertebral artery dissection after use of a massage gun: a case report",
        where="Clinical Practice and Cases in Emergency Medicine 6(2):159-161",
        link=_doi("10.5811/cpcem.2022.2.56046"),
    ),
    Reference(
        key="shariff2023",
        authors="Shariff E, et al.",
        year="2023",
        title="Vertebral artery dissection after a home massage device: a case report",
        where="Cureus 15(1):e33394",
        link=_doi("10.7759/cureus.33394"),
        note="title shortened",
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
        title="Deaths from neck entanglement in massage devices (news report)",
        where="The Mainichi (English edition), 29 July 2017",
        link="https://mainichi.jp/english/articles/20170729/p2a/00m/0na/017000c",
        note="title is a description of the article",
    ),
    Reference(
        key="burns1987",
        authors="Journal of Family Practice",
        year="1987",
        title="Preventable burns in hospitalised patients with diabetes (study of 37 patients)",
        where="Journal of Family Practice 24(2):149-151",
        link="https://pubmed.ncbi.nlm.nih.gov/3806025/",
        note="title is a description of the study",
    ),
    # Manufacturers' warnings
    Reference(
        key="therabody",
        authors="Therabody",
        year="n.d.",
        title="Precautions and contraindications",
        where="Therabody website",
        link="https://www.therabody.com/us/en-us/precautions-and-contraindictions.html",
    ),
    Reference(
        key="hyperice",
        authors="Hyperice",
        year="n.d.",
        title="Product safety: when to consult a physician before use",
        where="Hyperice website",
        link="https://hyperice.com/best-buy-experience",
    ),
    Reference(
        key="heating_pad_warnings",
        authors="Battle Creek Equipment",
        year="n.d.",
        title="Heating pad warnings",
        where="Battle Creek Equipment website",
        link="http://www.battlecreekequipment.com/warnings.cfm",
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
        authors="Trial NCT03784729 investigators",
        year="2024",
        title="Acupuncture versus sham acupuncture for lumbar spinal stenosis: a multicentre "
        "randomised trial in China (196 people)",
        where="PubMed 38950397",
        link="https://pubmed.ncbi.nlm.nih.gov/38950397/",
        note="title is a description of the trial",
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
        authors="Markman JD, et al.",
        year="2015",
        title="Double-blind, randomized, controlled, crossover trial of pregabalin for "
        "neurogenic claudication",
        where="Neurology 84:265-272",
        link="",
        note="title not checked against the original",
    ),
    Reference(
        key="weinstein2008",
        authors="Weinstein JN, et al.",
        year="2008",
        title="Surgical versus nonsurgical therapy for lumbar spinal stenosis (SPORT)",
        where="New England Journal of Medicine 358:794-810",
        link=_doi("10.1056/NEJMoa0707136"),
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
        key="healthwise_surgery",
        authors="Healthwise",
        year="n.d.",
        title="Lumbar spinal stenosis: should I have surgery? (decision aid)",
        where="Healthwise, licensed to health systems",
        link="",
    ),
    Reference(
        key="slater2015",
        authors="Slater J, et al.",
        year="2015",
        title="The influence of exercise on perceived pain and disability in patients with "
        "lumbar spinal stenosis: a systematic review of randomized controlled trials",
        where="American Journal of Lifestyle Medicine",
        link="https://pmc.ncbi.nlm.nih.gov/articles/PMC6125093/",
        note="title not checked against the original",
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
    ),
    Reference(
        key="nhs_tens",
        authors="NHS",
        year="n.d.",
        title="TENS (transcutaneous electrical nerve stimulation)",
        where="NHS website, Tests and treatments",
        link="https://www.nhs.uk/conditions/transcutaneous-electrical-nerve-stimulation-tens/",
        note="cautions also in TENS makers' leaflets; check the live page",
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
    ),
    Reference(
        key="wcag21",
        authors="World Wide Web Consortium (W3C)",
        year="2018",
        title="Web Content Accessibility Guidelines (WCAG) 2.1",
        where="W3C Recommendation",
        link="https://www.w3.org/TR/WCAG21/",
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
