"""Quiz questions for notebooks 00-05 (see widgets.content.quiz_bank).

Plain words, one idea per question. Explanations are kind: they say why, whatever was picked.
Where a question touches advice, its answer matches the engine in ``widgets.guidance``.
"""

from __future__ import annotations

from widgets.content.quiz_bank import Question

QUIZZES: dict[str, tuple[Question, ...]] = {
    "00_start_here": (
        Question(
            prompt="What is this series for?",
            options=(
                "To learn about spinal stenosis and back massagers, as education.",
                "To replace a visit to your doctor.",
                "To sell you a back massager.",
            ),
            answer=0,
            explanation=(
                "The series is education. It helps you think and ask good questions. It does "
                "not replace your own doctor, physio or nurse, and it sells nothing."
            ),
        ),
        Question(
            prompt=(
                "You notice new numbness between your legs and trouble peeing. What should you do?"
            ),
            options=(
                "Wait a few days to see if it goes away.",
                "Use the massager on a low setting.",
                "Go to the emergency department now, or call your emergency number.",
            ),
            answer=2,
            explanation=(
                "These can be signs that the nerves at the base of the spine are badly "
                "squeezed (cauda equina syndrome). It needs care within hours, so go now."
            ),
            sources=("royalfree_ces", "girft2023"),
        ),
    ),
    "01_understanding_spinal_stenosis": (
        Question(
            prompt="What does spinal stenosis mean?",
            options=(
                "A broken bone in the back.",
                "The spaces inside the spine get narrower and can press on nerves.",
                "Tight muscles in the back.",
            ),
            answer=1,
            explanation=(
                "Stenosis means narrowing. Discs, bone spurs and thick ligaments take up "
                "room, and the nerves inside the spine can get squeezed."
            ),
            sources=("niams2013", "katz2022"),
        ),
        Question(
            prompt=(
                "With narrowing in the low back, which often eases leg pain that comes on "
                "when you walk?"
            ),
            options=(
                "Standing up very straight.",
                "Leaning back.",
                "Sitting down or bending forward.",
            ),
            answer=2,
            explanation=(
                "Bending forward opens the canal a little and gives the nerves more room. "
                "That is why many people feel better leaning on a shopping cart."
            ),
            sources=("katz2022", "suri2010"),
        ),
        Question(
            prompt="A scan shows narrowing in your spine. Does that alone tell how bad it is?",
            options=(
                "Yes, the scan says exactly how bad it is.",
                "No. Many people have narrowing on a scan and no symptoms at all.",
                "Yes, if the scan shows a lot of narrowing, surgery is needed.",
            ),
            answer=1,
            explanation=(
                "About 11 in 100 people with no symptoms have narrowing on a scan. What you "
                "feel and can do matters more than the picture."
            ),
            sources=("jensen2020", "schizas2010"),
        ),
        Question(
            prompt=(
                "Someone with narrowing in the neck starts to drop things and feels "
                "unsteady. What should they do?"
            ),
            options=(
                "Contact their doctor today.",
                "Book a routine visit in a month or two.",
                "Wait and see, since it often comes with age.",
            ),
            answer=0,
            explanation=(
                "New or worsening clumsy hands or poor balance can mean the spinal cord in "
                "the neck is being pressed. That needs a doctor's check the same day."
            ),
            sources=("mayo_stenosis", "houten2022", "fehlings2017"),
        ),
    ),
    "02_massage_and_back_pain": (
        Question(
            prompt="What does the best research say massage can do for back pain?",
            options=(
                "It cures the cause of back pain.",
                "It may ease pain for a short time. The evidence is weak.",
                "It has no effect at all, ever.",
            ),
            answer=1,
            explanation=(
                "A large review of 25 trials found massage may ease pain for a short time. "
                "The studies were not strong, so we cannot be sure."
            ),
            sources=("furlan2015",),
        ),
        Question(
            prompt="Has massage been tested as a treatment for spinal stenosis?",
            options=(
                "Yes, many trials show it treats stenosis.",
                "No. The trials were in people with common back pain, not stenosis.",
                "Yes, one large trial showed it helps people walk further.",
            ),
            answer=1,
            explanation=(
                "The massage trials did not study people with spinal stenosis. Massage may "
                "ease sore muscles, but it does not widen the canal."
            ),
            sources=("furlan2015",),
        ),
        Question(
            prompt="According to UK guidance, how should massage be used for back pain?",
            options=(
                "On its own, instead of exercise.",
                "Only alongside an exercise plan.",
                "Only after surgery has failed.",
            ),
            answer=1,
            explanation=(
                "NICE says to think about massage only as part of a plan that includes "
                "exercise. Exercise comes first."
            ),
            sources=("nice_ng59",),
        ),
    ),
    "03_what_back_massagers_offer": (
        Question(
            prompt="Which kind of massager taps hard and fast?",
            options=("A vibration pad.", "A percussion gun.", "A foam roller."),
            answer=1,
            explanation=(
                "A percussion gun (massage gun) has a head that taps fast and hard. It is the "
                "strongest kind, so it needs the most care."
            ),
            sources=("sams2023",),
        ),
        Question(
            prompt="Has a home massager been checked by the US FDA for people with stenosis?",
            options=(
                "Yes, each one is tested on people with stenosis.",
                "No. They are low-risk devices that can be sold without that review.",
                'Only the ones that say "medical grade" on the box.',
            ),
            answer=1,
            explanation=(
                "Massagers and hand-held vibrators are in the lowest-risk group (Class I). "
                "They can be sold without a review of how they work for any illness."
            ),
            sources=("fda_massager", "fda_vibrator"),
        ),
        Question(
            prompt="What is a good way to start with a new massager?",
            options=(
                "A middle setting for 15 minutes, to get a fair test.",
                "Setting 1 or 2 for about 5 minutes, then build up over days.",
                "The top setting for a few minutes, since short is safe.",
            ),
            answer=1,
            explanation=(
                "Start low and short: setting 1 or 2 for about 5 minutes. Build up slowly "
                "over a few days, once you know how your body reacts."
            ),
            sources=("therabody", "hyperice"),
        ),
    ),
    "04_precautions": (
        Question(
            prompt="Where should you never use a back massager?",
            options=(
                "The muscles beside the spine.",
                "The buttocks.",
                "The front and sides of the neck.",
            ),
            answer=2,
            explanation=(
                "Big blood vessels run in the front and sides of the neck. Massagers used "
                "there have been linked with torn arteries and strokes."
            ),
            sources=("sulkowski2022", "shariff2023"),
        ),
        Question(
            prompt="Why keep heat and massagers off skin that feels numb?",
            options=(
                "Numb skin cannot warn you, so you could get burned or bruised.",
                "Numb skin is more likely to get an infection.",
                "Heat makes numbness spread to other parts of the leg.",
            ),
            answer=0,
            explanation=(
                "If you cannot feel well, you cannot tell when it is too hot or too hard. "
                "People with numb legs have been burned by heating pads and hot water."
            ),
            sources=("burns1987", "heating_pad_warnings"),
        ),
        Question(
            prompt=(
                "After using a massage gun you have very bad muscle pain and dark, "
                "tea-coloured pee. What should you do?"
            ),
            options=(
                "Drink water and rest for a few days.",
                "Get medical care today.",
                "Use ice and see your doctor next week.",
            ),
            answer=1,
            explanation=(
                "This can be a sign of serious muscle damage. It needs a doctor the same day."
            ),
            sources=("chen2021",),
        ),
        Question(
            prompt=(
                "You used a massager near your neck. Soon after, you have a sudden bad "
                "headache, feel dizzy and your speech is slurred. What should you do?"
            ),
            options=(
                "Lie down and see if it passes by morning.",
                "Call your emergency number now.",
                "Call your doctor's office when it opens tomorrow.",
            ),
            answer=1,
            explanation=(
                "These can be signs of a stroke from a torn artery in the neck. That has "
                "happened after massage guns and home massagers. Every minute counts."
            ),
            sources=("sulkowski2022", "shariff2023"),
        ),
        Question(
            prompt=(
                "You take a blood thinner. You would like to use a massage gun on your "
                "thighs. What fits best?"
            ),
            options=(
                "Go ahead on a high setting, since thighs are big muscles.",
                "Ask your clinician first, because hard tapping can cause deep bruises.",
                "Use it, but only for 30 minutes at a time.",
            ),
            answer=1,
            explanation=(
                "Blood thinners make you bruise and bleed more easily. A massage gun taps "
                "hard and deep, so ask first if a gentle vibration setting is safe for you."
            ),
            sources=("chen2021", "nccih_massage"),
        ),
        Question(
            prompt="One of your calves is newly swollen, warm and sore. What should you do?",
            options=(
                "Massage it gently to ease the swelling.",
                "Do not rub it. Contact your doctor or urgent care today.",
                "Put a heat pad on it and rest until it settles.",
            ),
            answer=1,
            explanation=(
                "This can be a blood clot in a vein. Rubbing it could move the clot to the "
                "lungs. If you also get short of breath or chest pain, call your emergency "
                "number."
            ),
            sources=("nhs_dvt", "nccih_massage"),
        ),
    ),
    "05_should_i_use_one": (
        Question(
            prompt="Can people with spinal stenosis use a back massager?",
            options=(
                "Never, for anyone.",
                "Yes, always, on any setting.",
                "It depends on the person. Many can, with care, but some should ask first.",
            ),
            answer=2,
            explanation=(
                "The answer is personal. Warning signs, other health problems, where the "
                "narrowing is, and how you use the massager all change the advice."
            ),
            sources=("therabody", "hyperice", "fehlings2017"),
        ),
        Question(
            prompt="Your symptoms are severe: you can only walk for a few minutes. What fits best?",
            options=(
                "Use the massager more often to get through the day.",
                "Talk with your clinician about other treatments, such as physio or surgery.",
                "Rest in bed until it settles.",
            ),
            answer=1,
            explanation=(
                "When symptoms limit you this much, a massager is not enough. Physio, "
                "surgery and other choices are worth a review with your clinician."
            ),
            sources=("katz2022", "healthwise_surgery"),
        ),
        Question(
            prompt="Which of these always comes before using a massager?",
            options=(
                "Checking the warning signs that mean you need help now.",
                "Warming up the muscles with a hot bath.",
                "Reading the maker's list of settings.",
            ),
            answer=0,
            explanation=(
                "Warning signs come first. If you have one, get help and do not use the massager."
            ),
            sources=("royalfree_ces", "tims_stenosis"),
        ),
        Question(
            prompt="You have used a massager for a week. Which sign means stop and get checked?",
            options=(
                "A mild ache in the muscle the next day that fades within a day.",
                "Numbness or weakness in your legs that is new or getting worse.",
                "Feeling more relaxed, with some redness that fades in an hour.",
            ),
            answer=1,
            explanation=(
                "A mild ache that fades is common after massage. New or worse numbness or "
                "weakness is a warning sign. Stop, and contact your doctor today."
            ),
            sources=("furlan2015", "tims_stenosis"),
        ),
        Question(
            prompt="How can you judge if a massager is worth keeping?",
            options=(
                "If it feels nice while it runs, it is working.",
                "Try it for two weeks. Check if you walk, sleep or move better, with no new "
                "symptoms.",
                "If the box says it is clinically proven, it will help you.",
            ),
            answer=1,
            explanation=(
                "At best, massage eases pain for a short time. So judge it by what you can "
                "do. If nothing gets better in two weeks, it is fine to stop."
            ),
            sources=("furlan2015",),
        ),
    ),
}
