"""The cue lexicon as data: Arabic reporting verbs, participles, nouns and phrases, by class.

Forms are written as in print (hamza and all); `lexicon.py` expands them into matching keys with
their clitic, gender and number forms. `weak` cues (رأى، رفض، اعتبر ...) also have other senses and
count only when followed by أن/إن, a colon, or a quotation right after them.
"""

from __future__ import annotations

from annotations.attribution.suggestion import CueClass

#: (perfect 3rd masc. sing., imperfect 3rd masc. sing. or "", class, weak).
VERBS: tuple[tuple[str, str, CueClass, bool], ...] = (
    ("قال", "يقول", "statement", False),
    ("أضاف", "يضيف", "statement", False),
    ("أوضح", "يوضح", "statement", False),
    ("أشار", "يشير", "statement", False),
    ("صرح", "يصرح", "statement", False),
    ("أعلن", "يعلن", "statement", False),
    ("كشف", "يكشف", "statement", False),
    ("ذكر", "", "statement", False),  # imperfect يذكر is mostly the passive "it is mentioned"
    ("تابع", "يتابع", "statement", True),
    ("أفاد", "يفيد", "statement", False),
    ("نقل", "ينقل", "statement", True),
    ("أعرب", "يعرب", "statement", False),
    ("لفت", "يلفت", "statement", False),
    ("نوه", "ينوه", "statement", False),
    ("أردف", "يردف", "statement", False),
    ("استطرد", "يستطرد", "statement", False),
    ("أكمل", "يكمل", "statement", True),  # also "completed"
    ("أبلغ", "يبلغ", "statement", True),
    ("كتب", "يكتب", "statement", True),
    ("نشر", "ينشر", "statement", True),
    ("أورد", "يورد", "statement", True),
    ("أشاد", "يشيد", "statement", False),
    ("رجح", "يرجح", "statement", False),
    ("ثمن", "يثمن", "statement", True),  # also the noun "price"
    ("حث", "يحث", "statement", False),
    ("طالب", "يطالب", "statement", True),  # also the noun "student"
    ("تعهد", "يتعهد", "statement", False),
    ("اعترف", "يعترف", "statement", False),
    ("رحب", "يرحب", "statement", True),  # weak: also "welcomed (a guest)"
    ("ندد", "يندد", "statement", False),
    ("استنكر", "يستنكر", "statement", False),
    ("انتقد", "ينتقد", "statement", False),
    ("احتج", "يحتج", "statement", True),
    ("اقترح", "يقترح", "statement", False),
    ("ناشد", "يناشد", "statement", False),
    ("نصح", "ينصح", "statement", True),
    ("حض", "يحض", "statement", True),
    ("توقع", "يتوقع", "statement", True),  # also the noun "expectation"
    ("اعتقد", "يعتقد", "statement", True),
    ("تساءل", "يتساءل", "statement", True),
    ("شكر", "يشكر", "statement", True),
    ("عنون", "يعنون", "statement", True),
    ("اعتبر", "يعتبر", "statement", True),
    ("وصف", "يصف", "statement", True),
    ("أكد", "يؤكد", "emphasis", False),
    ("شدد", "يشدد", "emphasis", False),
    ("جدد", "يجدد", "emphasis", True),
    ("أصر", "يصر", "emphasis", True),
    ("أنكر", "ينكر", "denial", False),
    ("رفض", "يرفض", "denial", True),
    ("زعم", "يزعم", "allegation", False),
    ("اتهم", "يتهم", "allegation", False),
    ("حذر", "يحذر", "warning", False),
    ("نبه", "ينبه", "warning", False),
    ("هدد", "يهدد", "warning", True),
    ("توعد", "يتوعد", "warning", True),
)

#: Verbs whose last radical is weak, with their forms spelled out: (forms, class, weak).
DEFECTIVE_VERBS: tuple[tuple[tuple[str, ...], CueClass, bool], ...] = (
    (("نفى", "نفت", "نفيا", "نفتا", "نفوا", "ينفي", "تنفي", "ينفيان", "ينفون"), "denial", False),
    (("ادعى", "ادعت", "ادعيا", "ادعوا", "يدعي", "تدعي", "يدعون"), "allegation", False),
    (("دعا", "دعت", "دعوا", "يدعو", "تدعو"), "statement", True),
    (("رأى", "رأت", "رأوا", "يرى", "ترى", "يرون"), "statement", True),
    (("أبدى", "أبدت", "أبديا", "أبدوا", "يبدي", "تبدي", "يبدون"), "statement", False),
    (("عزا", "عزت", "عزوا", "يعزو", "تعزو"), "statement", True),
)

#: Participle stems (masculine singular without case ending): مؤكد -> مؤكداً، مؤكدة، مؤكدين ...
PARTICIPLES: tuple[tuple[str, CueClass], ...] = (
    ("مؤكد", "emphasis"),
    ("مشدد", "emphasis"),
    ("مجدد", "emphasis"),
    ("مشير", "statement"),
    ("قائل", "statement"),
    ("مضيف", "statement"),
    ("موضح", "statement"),
    ("لافت", "statement"),
    ("منوه", "statement"),
    ("معرب", "statement"),
    ("مشيد", "statement"),
    ("معتبر", "statement"),
    ("مطالب", "statement"),
    ("مبين", "statement"),
    ("محذر", "warning"),
    ("منبه", "warning"),
    ("متهم", "allegation"),
    ("زاعم", "allegation"),
    ("داعي", "statement"),
    ("نافي", "denial"),
)

#: Reporting nouns; they count only before أن/إن (إعلان الوزير أن ...).
NOUNS: tuple[tuple[str, CueClass], ...] = (
    ("إعلان", "statement"),
    ("تصريح", "statement"),
    ("تصريحات", "statement"),
    ("قول", "statement"),
    ("تأكيد", "emphasis"),
    ("ادعاء", "allegation"),
    ("تحذير", "warning"),
    ("دعوة", "statement"),
    ("دعوات", "statement"),
)

#: «نقلت الوكالة عن مصدر قوله إن ...»: the saying of the one after عن, reported by the one before.
SAYINGS: tuple[str, ...] = ("قوله", "قولها", "قولهم", "قولهما")

#: Phrases whose source follows them; the content is on the other side (بحسب الوكالة، ...).
SOURCE_FIRST_PHRASES: tuple[str, ...] = (
    "بحسب", "حسب", "وفق", "وفقا", "طبقا", "نقلا عن", "استنادا إلى",
)
#: Phrases followed by a verb, then the source (حسبما أعلن السفير ...); the verb joins the cue.
VERB_FIRST_PHRASES: tuple[str, ...] = (
    "حسبما", "بحسب ما", "حسب ما", "وفق ما", "وفقا لما", "طبقا لما",
)
#: Phrases whose source is a pronoun: they confirm the attribution around them.
PRONOUN_PHRASES: tuple[str, ...] = (
    "على حد قوله", "على حد قولها", "على حد قولهم", "على حد تعبيره", "على حد تعبيرها",
    "وفق قوله", "وفق قولها", "حسب قوله", "حسب قولها", "بحسب قوله", "بحسب قولها",
)
#: Phrases naming the channel of a statement (في بيان، في تصريحات ...); they never start one.
FRAME_PHRASES: tuple[str, ...] = (
    "في بيان", "في تصريحات", "في تصريح", "في حديث", "في مقابلة", "في كلمته", "في كلمتها",
    "في مؤتمر صحفي", "في تغريدة", "في رسالة", "عبر حسابه", "عبر حسابها", "على حسابه",
    "على حسابها", "على موقعه", "على موقعها", "على صفحته", "على صفحتها", "على تويتر", "عبر تويتر",
    "على فيسبوك",
)
#: Narrator formulas that look like cues but have no source (يُذكر أن ...).
NARRATOR_PHRASES: tuple[str, ...] = (
    "يذكر أن", "يشار إلى أن", "تجدر الإشارة", "يذكر ان", "جدير بالذكر", "ومن المعروف",
)

#: The preposition a cue takes before its content (شدد على، أعرب عن، أشار إلى، حذر من), by lemma.
CONTENT_PREPOSITIONS: dict[str, str] = {
    "أكد": "على", "شدد": "على", "حث": "على", "جدد": "على", "أصر": "على", "أعرب": "عن",
    "أشار": "إلى", "لفت": "إلى", "نوه": "إلى", "حذر": "من", "نبه": "إلى", "دعا": "إلى",
    "مؤكد": "على", "مشدد": "على", "معرب": "عن", "مشير": "إلى", "لافت": "إلى", "منوه": "إلى",
    "محذر": "من", "منبه": "إلى", "داعي": "إلى", "مطالب": "ب", "طالب": "ب", "تعهد": "ب",
    "اعترف": "ب", "رحب": "ب", "ندد": "ب", "وصف": "ب", "توعد": "ب", "احتج": "على", "حض": "على",
    "شكر": "على", "عزا": "إلى", "نصح": "ب", "دعوة": "إلى", "دعوات": "إلى", "أبلغ": "عن",
}
#: Prepositions that may stand between a cue and a complementiser (أشار إلى أن، حذر من أن).
#: They are compared without the ى -> ي folding of `match_key` (على is not the name علي).
PREPOSITIONS: tuple[str, ...] = ("على", "عن", "إلى", "من", "ب")

#: Complementisers that open indirect content, alone or with a pronoun (أنه، إنها ...).
COMPLEMENTISERS: tuple[str, ...] = ("أن", "إن", "بأن")
PRONOUN_SUFFIXES: tuple[str, ...] = ("", "ه", "ها", "هم", "هما", "هن", "ني", "نا", "كم")

#: Words after a cue that are not part of the source: time, place of speech, manner.
SOURCE_STOP_WORDS: tuple[str, ...] = (
    "اليوم", "أمس", "مساء", "صباح", "خلال", "الأحد", "الاثنين", "الإثنين", "الثلاثاء",
    "الأربعاء", "الخميس", "الجمعة", "السبت", "قد", "لقد", "أيضا", "كذلك", "في", "له", "لها",
    "بدوره", "بدورها", "قائلا", "قائلة", "قائلين", "عنه", "عنها", "عنهم", "عنهما", "عقب", "إثر",
)
#: Words between a cue and its source that belong to neither (أكد فيه السيسي، قال بدوره ...).
SOURCE_SKIP_WORDS: tuple[str, ...] = (
    "فيه", "فيها", "له", "لها", "بدوره", "بدورها", "أيضا", "كذلك", "جانبه", "جهته", "عنه", "عنها",
    "عنهم",
)
#: Adverbs and reflexives after a cue, skipped before its source (أكد مجددا أن، قال هو نفسه إن);
#: any word written with the accusative tanween (صراحةً) is skipped too.
SOURCE_ADVERBS: tuple[str, ...] = (
    "مجددا", "مرارا", "صراحة", "بوضوح", "مرة", "أخرى", "حينها", "علنا", "رسميا", "مؤخرا",
    "سابقا", "لاحقا", "هو", "هي", "نفسه", "نفسها", "بنفسه", "بنفسها",
)
#: Words that end a clause to the left of a cue (a pre-verbal source starts after them).
CLAUSE_OPENERS: tuple[str, ...] = (
    "حيث", "ثم", "بينما", "فيما", "لكن", "كما", "إذ", "بعدما", "عندما", "كان", "كانت",
    "وكان", "وكانت", "أن", "إن", "بأن", "أنه", "إنه", "جانبه", "يكون", "تكون",
)
#: Words that open a time expression, never a subject (عام 2017، وفي وقت لاحق ...).
TIME_WORDS: tuple[str, ...] = (
    "عام", "العام", "يوم", "اليوم", "أمس", "مساء", "صباح", "الأحد", "الاثنين", "الإثنين",
    "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الشهر", "الأسبوع", "منذ", "بعد",
    "قبل", "خلال", "وقت", "حين", "عندما", "لاحقا", "سابقا",
)
#: Common adjectives after a noun with the article, besides the nisba forms (الوطني، الليبية).
ADJECTIVES: tuple[str, ...] = (
    "المتحدة", "السابق", "السابقة", "العام", "العامة", "الأعلى", "الأول", "الأولى", "الخاص",
    "الخاصة", "الجديد", "الجديدة", "الكبرى", "العليا", "المؤقتة", "المؤقت", "المستقل",
    "المستقلة", "المتقاعد", "الحاكم", "الحاكمة", "المعارض", "المعارضة", "الدائم", "الأعلى",
)
#: Whom statements are made to (قال للصحافيين): they end a source.
ADDRESSEES: tuple[str, ...] = (
    "للصحافيين", "للصحفيين", "للصحافة", "لوسائل", "للتلفزيون", "للإذاعة", "للقناة", "للوكالة",
)
#: Relative pronouns: a cue right after one has the noun before it as its source.
RELATIVE_PRONOUNS: tuple[str, ...] = ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان")
#: Personal pronouns: a speaker who says أنا or نحن is inside a quotation, not a source.
PRONOUNS: tuple[str, ...] = ("أنا", "نحن", "أنت", "أنتم", "إنني", "إننا")
#: Particles between a pre-verbal source and its verb (كانت موغيريني قد أكدت).
VERB_PARTICLES: tuple[str, ...] = ("قد", "لقد", "فقد", "وقد")
#: Words that never belong to a name after a title (أكد الرئيس ماكرون أهمية ...).
FUNCTION_WORDS: tuple[str, ...] = (
    "في", "من", "على", "عن", "إلى", "أن", "إن", "مع", "بعد", "قبل", "خلال", "هذا", "هذه",
    "ذلك", "التي", "الذي", "كل", "أي", "ما", "لا", "لم", "لن", "قد", "كذلك", "أيضا", "بما", "مما",
    "لما", "فيما", "حتى", "بسبب", "بشأن",
)

#: First words that type a source.
ANONYMOUS_HEADS: tuple[str, ...] = (
    "مصادر", "مصدر", "مسؤول", "مسؤولون", "مسؤولين", "مسؤولة", "شهود", "سكان", "مراقبون",
    "محللون", "دبلوماسي", "دبلوماسيون", "مصدرا", "أوساط", "جهات",
)
DOCUMENT_HEADS: tuple[str, ...] = (
    "بيان", "تقرير", "وثيقة", "رسالة", "مذكرة", "قرار", "نص", "إعلان", "تصريح", "تصريحات",
    "البيان", "التقرير", "الوثيقة", "الرسالة", "المذكرة",
)
MEDIA_HEADS: tuple[str, ...] = (
    "وكالة", "صحيفة", "قناة", "موقع", "تلفزيون", "التلفزيون", "إذاعة", "الإذاعة", "مجلة",
    "شبكة", "رويترز", "فرانس", "أسوشيتد", "الأناضول", "سبوتنيك", "الوكالة", "الصحيفة",
)
ORGANISATION_HEADS: tuple[str, ...] = (
    "وزارة", "الوزارة", "حكومة", "الحكومة", "الجيش", "شعبة", "الاتحاد", "مجلس", "الأمم",
    "الرئاسة", "الكرملين", "البيت", "الخارجية", "الداخلية", "منظمة", "المنظمة", "هيئة",
    "الهيئة", "لجنة", "اللجنة", "حزب", "الحزب", "حركة", "الحركة", "قوات", "القوات", "مكتب",
    "المكتب", "الولايات", "الإدارة", "البرلمان", "القيادة", "السلطات", "الشرطة", "النيابة",
)
#: States and capitals that speak for their governments (typed `organisation`).
STATE_NAMES: tuple[str, ...] = (
    "مصر", "تركيا", "روسيا", "فرنسا", "إيران", "واشنطن", "موسكو", "القاهرة", "أنقرة",
)
#: Nouns always in construct state, never the end of a noun phrase (منظمة غير حكومية).
CONSTRUCT_NOUNS: tuple[str, ...] = ("غير", "باسم", "عدد", "بعض", "كل", "جميع")
ROLE_HEADS: tuple[str, ...] = (
    "الرئيس", "رئيس", "الرئيسان", "الرئيسين", "الوزير", "وزير", "وزيرة", "السفير", "سفير",
    "المتحدث", "متحدث", "المتحدثة", "الناطق", "ناطق", "الممثلة", "الممثل", "ممثل", "النائب",
    "نائب", "الصحفي", "الصحفية", "المشير", "الجنرال", "اللواء", "العقيد", "العميد", "الأمين",
    "أمين", "مدير", "المدير", "قائد", "القائد", "المبعوث", "مبعوث", "رئيسة", "الملك", "الأمير",
    "الشيخ", "الدكتور", "المستشار", "مستشار", "المسؤول", "الجانبين", "الجانبان", "الطرفان",
    "الطرفين", "عضو", "زعيم", "الزعيم", "المحلل", "الخبير", "خبير",
)

#: Heads of plural sources (a verb after them is plural: المسؤولون أكدوا).
PLURAL_HEADS: tuple[str, ...] = (
    "مصادر", "المصادر", "شهود", "سكان", "قادة", "القادة", "الزعيمين", "الزعيمان", "الرئيسان",
    "الرئيسين", "الطرفان", "الطرفين", "الجانبان", "الجانبين", "الروس", "الخبراء", "خبراء",
    "محللون", "المحللون", "مسؤولون", "مسؤولين", "المسؤولون", "المسؤولين", "نواب", "النواب",
    "أعضاء", "الأعضاء", "وزراء", "الوزراء", "زعماء", "الزعماء", "دول", "الدول", "البعض",
    "مرشحو", "الفلسطينيون", "الفلسطينيين", "المتظاهرون", "المتظاهرين", "أسر", "عائلات",
)
#: Masculine singular heads besides the titles of ROLE_HEADS.
MASCULINE_HEADS: tuple[str, ...] = (
    "مصدر", "المصدر", "مسؤول", "المسؤول", "دبلوماسي", "شاهد", "متحدث", "بيان", "البيان",
    "تقرير", "التقرير", "الأخير", "المعهد", "معهد", "المركز", "مركز", "مكتب", "المكتب",
    "الجيش", "جيش", "البيت", "الكرملين", "البرلمان", "الاتحاد", "مجلس", "المجلس", "حزب",
    "الحزب", "المرصد", "الموقع", "موقع", "التلفزيون", "البروفيسور", "المحامي", "محامي",
)
#: Feminine singular heads that do not end in ة (ة after the article is feminine already).
FEMININE_HEADS: tuple[str, ...] = (
    "وزارة", "حكومة", "وكالة", "صحيفة", "قناة", "منظمة", "هيئة", "لجنة", "شركة", "شبكة",
    "رئيسة", "وزيرة", "متحدثة", "مصر", "تركيا", "روسيا", "فرنسا", "إيران", "سوريا", "ليبيا",
    "واشنطن", "موسكو", "القاهرة", "أنقرة", "بريطانيا", "ألمانيا", "إسرائيل", "الصين",
    "السعودية", "الإمارات", "كوريا", "اليابان", "الولايات", "السلطات", "الأمم",
)
