"""Quiz questions for notebooks 00-05 (see widgets.quiz_bank).

Plain words, one idea per question. Explanations are kind: they say why, whatever was picked.
Where a question touches advice, its answer matches the engine in ``widgets.guidance``.
"""

from __future__ import annotations

from widgets.quiz_bank import Question

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
            sources=("katz2022",),
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
            ),
            answer=1,
            explanation=(
                "About 1 in 10 people with no symptoms have narrowing on a scan. What you "
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
                "Massage the neck harder.",
                "Nothing, it is normal with age.",
            ),
            answer=0,
            explanation=(
                "Clumsy hands or poor balance can mean the spinal cord in the neck is being "
                "pressed. A doctor should check it soon, today if it is new."
            ),
            sources=("mayo_stenosis", "fehlings2017"),
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
                "Every day for a month.",
            ),
            answer=1,
            explanation=(
                "NICE says to think about massage only as part of a plan that includes "
                "exercise. Exercise is the main treatment."
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
            ),
            answer=1,
            explanation=(
                "Massagers are in the lowest-risk group (Class I). They can be sold without "
                "a review of how they work for any illness, including stenosis."
            ),
            sources=("fda_massager",),
        ),
        Question(
            prompt="What is a good way to start with a new massager?",
            options=(
                "The top setting for half an hour.",
                "The lowest setting for a few minutes.",
                "As long as it feels good, even if you fall asleep.",
            ),
            answer=1,
            explanation=(
                "Start low and short. You can see how your body reacts before you do more."
            ),
            sources=("therabody",),
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
                "Numb skin heals faster.",
                "It makes the massager wear out.",
            ),
            answer=0,
            explanation=(
                "If you cannot feel well, you cannot tell when it is too hot or too hard. "
                "People with numb skin have been burned by heating pads."
            ),
            sources=("burns1987", "heating_pad_warnings"),
        ),
        Question(
            prompt=(
                "After using a massage gun you have very bad muscle pain and dark, "
                "tea-coloured pee. What should you do?"
            ),
            options=(
                "Use the massager again to loosen the muscle.",
                "Get medical care today.",
                "Wait a week to see if it passes.",
            ),
            answer=1,
            explanation=(
                "This can be a sign of serious muscle damage. It needs a doctor the same day."
            ),
            sources=("chen2021",),
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
            sources=("katz2022", "furlan2015"),
        ),
        Question(
            prompt="Your symptoms are severe: you can only walk for a few minutes. What fits best?",
            options=(
                "Buy a stronger massager.",
                "Talk with your clinician about treatments that are proven to help.",
                "Stop walking altogether.",
            ),
            answer=1,
            explanation=(
                "When symptoms limit you this much, a massager is not enough. Physio, "
                "surgery and other choices are worth a review with your clinician."
            ),
            sources=("katz2022",),
        ),
        Question(
            prompt="Which of these always comes before using a massager?",
            options=(
                "Checking the warning signs that mean you need help now.",
                "Finding the strongest setting.",
            ),
            answer=0,
            explanation=(
                "Warning signs come first. If you have one, get help and do not use the massager."
            ),
            sources=("royalfree_ces", "tims_stenosis"),
        ),
    ),
}
