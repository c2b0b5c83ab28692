"""Quiz questions for notebooks 06-10 (see widgets.quiz_bank).

Plain words, one idea per question. Explanations are kind: they say why, whatever was picked.
Numbers come from ``../shared/clinical-evidence.md`` and match the notebooks' prose.
"""

from __future__ import annotations

from widgets.quiz_bank import Question

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
                "Physio made people worse.",
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
                "It cures stenosis.",
                "It works better than exercise.",
                "It makes little or no difference to pain.",
            ),
            answer=2,
            explanation=(
                "Across many trials, traction made little or no difference. Some websites say "
                "it heals the spine, but the trials do not show that."
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
                "The steroid took all the pain away.",
                "The numbing medicine made pain worse.",
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
                "A package of exercise, hands-on care and advice.",
                "Pills for nerve pain.",
                "A massager on its own.",
            ),
            answer=0,
            explanation=(
                "Trials found that exercise with hands-on care and advice helped people walk "
                "further. Nerve pain pills did no better than a dummy pill. A massager alone "
                "has not been tested in stenosis."
            ),
            sources=("ammendolia2022", "markman2015"),
        ),
    ),
    "07_lifestyle": (
        Question(
            prompt="Why do many people with low back stenosis find cycling easier than walking?",
            options=(
                "Cycling is always shorter.",
                "You lean forward on a bike, which gives the nerves more room.",
                "Cycling makes the spine longer.",
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
                "Walking faster.",
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
    ),
    "08_future_directions": (
        Question(
            prompt="Before a home massager goes on sale in the US, who tests it in people?",
            options=(
                "No one has to. It is a low-risk device with no trial needed first.",
                "A team of doctors tests every model.",
                "It is tested on people with stenosis.",
            ),
            answer=0,
            explanation=(
                "Home massagers are Class I devices in the US. They can be sold with no test "
                "in people first. So a new model is not proof of a new benefit."
            ),
            sources=("fda_massager",),
        ),
        Question(
            prompt="What is teach-back?",
            options=(
                "A test you can pass or fail.",
                "Saying back, in your own words, what your clinician told you.",
                "A kind of back massage.",
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
                "Skip talking to your doctor.",
            ),
            answer=0,
            explanation=(
                "A decision aid sets out the choices, the likely gains and the risks. Then it "
                "asks what matters most to you, so you can decide with your doctor."
            ),
            sources=("healthwise_surgery",),
        ),
    ),
    "09_personal_stories": (
        Question(
            prompt="Are the people in these stories real?",
            options=(
                "Yes, they are real patients.",
                "No. They are made up to show how the advice changes.",
            ),
            answer=1,
            explanation=(
                "Each story is a made-up mix of common situations. They are not real people, "
                "and they are not reviews of any product."
            ),
            sources=("katz2022",),
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
                "Because her massager is broken.",
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
            prompt="What is the main treatment for most people with spinal stenosis?",
            options=(
                "A back massager.",
                "Staying active: walking, exercise and physio.",
                "Bed rest.",
            ),
            answer=1,
            explanation=(
                "Exercise and physio have the best evidence of the non-surgery choices. A "
                "massager is at most a short comfort next to them."
            ),
            sources=("ammendolia2022", "nice_ng59"),
        ),
        Question(
            prompt="Two people have spinal stenosis. Should they get the same advice?",
            options=(
                "Yes, stenosis is the same for everyone.",
                "Not always. Where it is, how bad it is and other health matters all count.",
            ),
            answer=1,
            explanation=(
                "The neck or the low back, how far you can walk, warning signs and other "
                "health matters all change the advice. That is why your plan is your own."
            ),
            sources=("katz2022",),
        ),
        Question(
            prompt="Which question is a good one to ask your clinician?",
            options=(
                "Is a gentle massager safe for me, and where should I not use it?",
                "Which massager has the most power?",
                "Can I stop my exercises if I buy a massager?",
            ),
            answer=0,
            explanation=(
                "Asking what is safe for you, and where, gets advice that fits you. Power is "
                "not the goal, and exercise stays the main treatment."
            ),
            sources=("nice_ng59", "furlan2015"),
        ),
    ),
}
