"""Quiz questions for notebooks 06-10 (see widgets.content.quiz_bank).

Plain words, one idea per question. Explanations are kind: they say why, whatever was picked.
Numbers come from ``../shared/clinical-evidence.md`` and match the notebooks' prose.
"""

from __future__ import annotations

from widgets.content.quiz_bank import Question

QUIZZES: dict[str, tuple[Question, ...]] = {
    "06_alternatives": (
        Question(
            prompt=(
                "In a trial, people with stenosis had either physio or surgery. How did the "
                "two groups compare after 2 years?"
            ),
            options=(
                "Surgery was far better.",
                "They did about as well as each other.",
                "Physio did better than surgery.",
            ),
            answer=1,
            explanation=(
                "Both groups got better by about the same amount. But more than half of the "
                "physio group later chose surgery too. So physio is a fair first step, and "
                "surgery stays a choice."
            ),
            sources=("delitto2015",),
        ),
        Question(
            prompt="What did a large review find about traction, the stretching of the spine?",
            options=(
                "It eases pain for most people for a year.",
                "It works better than exercise.",
                "It makes little or no difference to pain.",
            ),
            answer=2,
            explanation=(
                "Across 32 trials in low back pain, traction made little or no difference. "
                "Some websites say it heals the spine, but the trials do not show that."
            ),
            sources=("wegner2013",),
        ),
        Question(
            prompt=(
                "A steroid injection was compared with an injection of numbing medicine "
                "alone. What did the trial find at 6 weeks?"
            ),
            options=(
                "The steroid was no better than the numbing medicine.",
                "The steroid eased pain a lot more for most people.",
                "The steroid helped at 6 weeks but not after.",
            ),
            answer=0,
            explanation=(
                "People in both groups did about the same. The steroid added little. Ask "
                "your doctor what an injection could and could not do for you."
            ),
            sources=("friedly2014",),
        ),
        Question(
            prompt="Which kind of care has the best evidence of the non-surgery choices?",
            options=(
                "Exercise with hands-on care from a physio, plus advice.",
                "A pill for nerve pain.",
                "A massager used every day.",
            ),
            answer=0,
            explanation=(
                "Exercise with hands-on care and advice helped more than usual medical care "
                "for some months. One nerve pain pill did no better than a look-alike pill in "
                "a small trial. A massager has not been tested in stenosis."
            ),
            sources=("ammendolia2022", "markman2015"),
        ),
        Question(
            prompt='In the stenosis trials, what did "hands-on care" mean?',
            options=(
                "Using a home massager on the low back.",
                "A physio or other clinician moving your joints and nerves by hand.",
                "A relaxing massage at a spa.",
            ),
            answer=1,
            explanation=(
                "In these trials, a clinician moved the joints and nerves by hand, next to "
                "exercise. It was not massage, and a home massager cannot do the same."
            ),
            sources=("schneider2019", "ammendolia2022"),
        ),
    ),
    "07_lifestyle": (
        Question(
            prompt="Why do many people with low back stenosis find cycling easier than walking?",
            options=(
                "Cycling uses fewer muscles than walking.",
                "You lean forward on a bike, which gives the nerves more room.",
                "Cycling stretches the spine and makes it longer.",
            ),
            answer=1,
            explanation=(
                "Bending forward opens the space around the nerves a little. On a bike you "
                "lean forward, so many people can go further than on foot."
            ),
            sources=("katz2022",),
        ),
        Question(
            prompt="Your legs start to ache on a walk. What can often ease them?",
            options=(
                "Standing up very straight and leaning back.",
                "Walking faster to get it over with.",
                "Sitting down, or leaning forward on something.",
            ),
            answer=2,
            explanation=(
                "Sitting or bending forward often eases leg symptoms in a few minutes. "
                "Standing tall or leaning back tends to bring them on."
            ),
            sources=("katz2022",),
        ),
        Question(
            prompt="What is a sensible way to start a walking plan?",
            options=(
                "Walk as far as you can on day one.",
                "Take short walks with rests, and add a little each week.",
                "Only walk on days with no pain at all.",
            ),
            answer=1,
            explanation=(
                "Short walks with rests, built up slowly, are easier to keep up. A physio can "
                "help you set where to start."
            ),
            sources=("slater2015",),
        ),
        Question(
            prompt=(
                "Over the last two months, the distance you can walk has slowly got shorter. "
                "You have no warning signs. What fits best?"
            ),
            options=(
                "Go to the emergency department today.",
                "Book a visit with your doctor or physio in the next few weeks.",
                "Nothing, since it happens slowly with age.",
            ),
            answer=1,
            explanation=(
                "A slow change is not an emergency, but it is worth a visit soon. You can talk "
                "about your choices, such as physio or surgery. Sudden weakness is different: "
                "that needs help today."
            ),
            sources=("katz2022", "healthwise_surgery"),
        ),
    ),
    "08_future_directions": (
        Question(
            prompt="Before a home massager goes on sale in the US, who tests it in people?",
            options=(
                "No one has to. It is a low-risk device with no trial needed first.",
                "A team of doctors tests every model.",
                "The maker must run a trial in people with back pain.",
            ),
            answer=0,
            explanation=(
                "Home massagers are Class I devices in the US. They can be sold with no test "
                "in people first. So a new model is not proof of a new benefit."
            ),
            sources=("fda_massager", "fda_vibrator"),
        ),
        Question(
            prompt="What is teach-back?",
            options=(
                "A test you can pass or fail.",
                "Saying back, in your own words, what your clinician told you.",
                "Reading your notes back to the clinician word for word.",
            ),
            answer=1,
            explanation=(
                "Teach-back checks how well things were explained, not how clever you are. "
                "If something comes out wrong, the clinician explains it again in a new way."
            ),
            sources=("ahrq_teachback",),
        ),
        Question(
            prompt="What does a decision aid help you do?",
            options=(
                "Choose between options, such as surgery or not, with the facts side by side.",
                "Get surgery sooner.",
                "Find the one right answer that fits everyone.",
            ),
            answer=0,
            explanation=(
                "A decision aid sets out the choices, the likely gains and the risks. Then it "
                "asks what matters most to you, so you can decide with your doctor."
            ),
            sources=("healthwise_surgery", "joseph_williams2014"),
        ),
    ),
    "09_personal_stories": (
        Question(
            prompt="Are the people in these stories real?",
            options=(
                "Yes, they are real patients.",
                "No. They are made up to show how the advice changes.",
                "They are real people, with their names changed.",
            ),
            answer=1,
            explanation=(
                "Each story is a made-up mix of common situations. They are not real people, "
                "and they are not reviews of any product."
            ),
        ),
        Question(
            prompt=(
                "Tom has narrowing in his neck and wants a massager on his neck. What does "
                "his card say?"
            ),
            options=(
                "Green: go ahead at any setting.",
                "Amber: talk to your clinician first.",
                "Nothing. The neck is never a problem.",
            ),
            answer=1,
            explanation=(
                "The spinal cord and big blood vessels run through the neck. With narrowing "
                "there, a clinician should say if a massager is safe first."
            ),
            sources=("yin2014", "sulkowski2022"),
        ),
        Question(
            prompt="Grace's massager never caused trouble. Why is her card red?",
            options=(
                "Because she has a new warning sign: trouble peeing.",
                "Because her massager is too strong for her.",
                "Because she used it for too long.",
            ),
            answer=0,
            explanation=(
                "New trouble peeing can mean the nerves at the base of the spine are badly "
                "squeezed. A warning sign comes first, whatever the massager did before."
            ),
            sources=("royalfree_ces", "cks_redflags"),
        ),
    ),
    "10_conclusion_and_your_plan": (
        Question(
            prompt=(
                "With narrowing in the low back and no warning signs, which choice has the "
                "best evidence without surgery?"
            ),
            options=(
                "A back massager used every day.",
                "Exercise with a physio, plus hands-on care and advice.",
                "Bed rest until the pain settles.",
            ),
            answer=1,
            explanation=(
                "For the low back, exercise with a physio has the best evidence without "
                "surgery. A massager is at most a short comfort. With narrowing in the neck "
                "and clumsy hands or poor balance, see your doctor soon: surgery may be "
                "advised."
            ),
            sources=("ammendolia2022", "fehlings2017"),
        ),
        Question(
            prompt="Two people have spinal stenosis. Should they get the same advice?",
            options=(
                "Yes, stenosis is the same for everyone.",
                "Not always. Where it is, how bad it is and other health matters all count.",
                "Yes, if their scans look the same.",
            ),
            answer=1,
            explanation=(
                "The neck or the low back, how far you can walk, warning signs and other "
                "health matters all change the advice. That is why your plan is your own."
            ),
            sources=("mayo_stenosis", "katz2022", "therabody"),
        ),
        Question(
            prompt="Which question is a good one to ask your clinician?",
            options=(
                "Is a gentle massager safe for me, and where should I not use it?",
                "Which massager has the most power?",
                "Can a massager replace my exercises?",
            ),
            answer=0,
            explanation=(
                "Asking what is safe for you, and where, gets advice that fits you. Power is "
                "not the goal, and exercise stays part of the plan."
            ),
            sources=("nice_ng59", "furlan2015"),
        ),
    ),
}
