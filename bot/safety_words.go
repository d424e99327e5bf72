package bot

import "slices"

// The vocabulary of the safety check. Words are written as the scanner
// folds them: lower case, no accents, no apostrophes ("dont", "despues").
// English and Spanish share one lexicon, so a mixed message ("mi abuelo
// tiene chest pain") reads as one.

// safetyClasses are the word classes the rules name with "@".
var safetyClasses = map[string]string{
	// Scanner classes: negations (gaps never skip them), words that end a
	// negation's scope, and the first person and possessive (ends a question's scope).
	"neg":   "not no never dont doesnt didnt wont wouldnt isnt cant cannot couldnt shouldnt nunca jamas nope aint arent wasnt werent havent hasnt hadnt nor ni",
	"but":   "but pero though tho although however aunque sino except",
	"first": "i im ive id ill yo my mi mis our we us me",
	// Time frames (safety_frame.go): a "but" word, a "shift" word, or a
	// "then" word after "and"/"y" starts a new one.
	"shift": "now ahora today hoy tonight suddenly",
	"then":  "im estoy",

	"self":   "myself herself himself themselves themself theirselves ourselves meself",
	"want":   "want wanna wants wanted wanting wish wishes wished wishing ready rather deserve deserves hope hoping pray praying plan planning tryna need let quiero quiere quisiera queria deseo desearia ojala ganas gustaria",
	"fut":    "tried attempted attempt attempting tries want wanna wants wanting going gonna gona finna plan planning plans planned decided deciding thinking about urge urges tempted might will ill should could would tryna try trying ready quiero quiere quisiera voy va vamos pienso piensa pensando ganas intento intentar",
	"intent": "tried attempted attempt attempting tries want wanna wants going gonna gona finna plan planning ready decided tempted thinking quiero voy pienso ganas",
	"think":  "think thinking thought thoughts considering consider considered contemplating contemplate fantasize fantasizing dream dreaming obsessing obsessed urge urges pensando pienso pensar pensamientos idea ideas ideation",
	"tired":  "tired sick exhausted done cansado cansada harto harta fed weary",
	"kill":   "kill killing kil kiling off offing unalive unaliving hang hanging shoot shooting drown drowning suffocate suffocating poison poisoning stab stabbing electrocute murder murdering",
	"harm":   "hurt hurting harm harming cut cutting burn burning starve starving punish punishing injure injuring mutilate mutilating",
	"die":    "die morir morirme morirse",
	"live":   "live living exist existing alive vivir existir viviendo existiendo",
	"be":     "am is are was were im its hes shes theyre been being be estoy esta estan ando anda sigo sigue",
	"nobody": "nobody noone one nadie",

	"pills":   "insulin insulina pills pill meds med medication medications medicine medicines tablets tablet capsules drugs painkillers pastillas pastilla pildoras pildora medicinas medicina medicamentos medicamento tylenol advil motrin aleve ibuprofen acetaminophen paracetamol aspirin aspirina xanax ambien benadryl oxy oxycodone percocet vicodin hydrocodone fentanyl heroin opioids insulin lithium seroquel trazodone zoloft prozac klonopin valium adderall melatonin antidepressants antidepresivos clonazepam gabapentin lorazepam ativan naproxen nyquil morphine methadone sleeping",
	"pillobj": "them those these bottle bottles frasco frascos caja box pack packs",
	"quant":   "all whole entire bunch handful lots lot too dozen bottle bottles frasco frascos caja box pack packs full todas todos todo toda monton puno",
	"ingest":  "took taken swallowed ate eaten drank drunk downed chugged popped injected snorted ingested tome tomo trago trague ingerio bebio bebi comio comi tomaron",
	"poison":  "pod pods detergent battery batteries pila pilas magnet magnets iman imanes lighter remover polish lamp essential cologne windex cleaning acetone kerosene thinner sanitizer perfume mouthwash solvent fertilizer degreaser jabon detergente suavizante bleach cloro antifreeze poison veneno detergent pod pods battery batteries pila pilas drano cleaner lye chemicals raticida pesticide insecticide gasoline gasolina lysol clorox ammonia amoniaco",
	"gun":     "gun guns pistol rifle firearm shotgun pistola arma revolver",

	"breathe":   "breathe breathing breath breathin breaths respirar respira respirando respiracion",
	"brneg":     "not isnt arent wasnt stopped stop stops cant cannot couldnt unable barely hardly trouble struggling struggle difficulty difficult hard labored no dejo deja cuesta costaba",
	"chest":     "chest pecho",
	"chestpain": "pain pains hurts hurting hurt pressure tight tightness heavy heaviness squeezing crushing aching ache dolor duele presion opresion apretado apretada",
	"stroke":    "stroke strokes embolia ictus",
	"seizure":   "seizure seizures seizing convulsion convulsions convulsing convulsiones convulsionando convulsiona convulsiono",
	"bleed":     "bleeding bleed bleeds bled bleedin hemorrhaging hemorraging hemorrhage hemorragia sangrando sangra sangrado sangrar nosebleed desangrando",
	"much":      "lot alot lots much heavily heavy badly bad everywhere profusely gushing spurting pouring soaking soaked nonstop mucho mucha bastante abundante abundantemente chorros horrible terrible uncontrollably tons",
	"throat":    "throat garganta airway",
	"closing":   "closing closed close closes tight tightening tighter constricting swelling cerrando cierra cerrada cerro apretada hinchando",
	"burn":      "burned burnt burn burns quemo queme quemadura quemaduras quemado quemada scalded scald",
	"sudden":    "sudden suddenly abruptly derrepente repentino repentina repentinamente repente nowhere",
	"kid":       "baby babies newborn infant toddler bebe nino nina kid son daughter child hijo hija",
	"abuser":    "husband wife boyfriend girlfriend partner ex bf gf fiance fiancee dad father stepdad stepfather mom mother stepmom stepmother brother uncle grandson caregiver esposo esposa marido novio novia pareja papa padre padrastro mama madre madrastra hermano tio",
}

// safetyAliases maps slang, abbreviations and frequent misspellings to the
// word they stand for (alias=word).
const safetyAliases = `
sucide=suicide suicde=suicide suiside=suicide suicid=suicide suacide=suicide sucuide=suicide
sui=suicide sewerslide=suicide suicidio=suicide suicida=suicidal suicidel=suicidal sucidal=suicidal suisidal=suicidal
myslef=myself mysef=myself myselfe=myself mysefl=myself
kiling=killing killin=killing
abt=about bout=about
wnat=want wamt=want
u=you
thru=through
breating=breathing brething=breathing breathng=breathing
unconcious=unconscious unconsious=unconscious unconsciuos=unconscious
siezure=seizure seizue=seizure seisure=seizure sezure=seizure siezures=seizures
bleading=bleeding
overdoce=overdose ovedose=overdose
pregnet=pregnant pregant=pregnant
ambulence=ambulance
throwin=throwing vomitting=vomiting
considring=considering
kiero=quiero kero=quiero cnt=cant
`

// safetyNeutralWords are real words that a typo variant or a collapsed form
// would otherwise take over ("none" is "noone" collapsed, "drop" is
// "droop"); registered as themselves, they mean nothing to the rules.
const safetyNeutralWords = `
none drop tel col pol fod lama tre chst odd core bos
`

// safetyFuzzyWords get their one-slip misspellings registered too.
const safetyFuzzyWords = `
suicide suicidal myself herself himself themselves killing breathe breathing bleeding
unresponsive unconscious overdose overdosed seizure seizures swallowed collapsed choking
pregnant throat chest stroke respirar desmayo despierta matarme suicidarme morirme
quitarme sangrando convulsiones inconsciente embarazada hemorrhage
`

// safetyFuzzyStop are real words that happen to be one slip from a fuzzy
// word; they keep their own meaning.
const safetyFuzzyStop = `
stoke overdoes coking chets strok troke ills hest
`

// safetyCrisisKinds name the weak crisis clues; two different kinds in one
// message make a crisis.
var safetyCrisisKinds = []string{
	"cant",     // "can't take it anymore", "ya no aguanto"
	"hope",     // "hopeless", "nothing matters"
	"self",     // "i hate myself", "i'm a burden"
	"escape",   // "i want to disappear", "want it all to stop"
	"perm",     // "permanently", "para siempre"
	"bye",      // a goodbye that is not a pleasantry
	"sorry",    // "sorry for everything", "forgive me"
	"done",     // "i'm done with everything"
	"alone",    // "nobody cares about me"
	"give",     // "giving away my stuff"
	"endit",    // "end it"
	"hurt",     // "i hurt myself" (could be an accident)
	"gone",     // "i don't want to be here"
	"means",    // "bought a gun", "staring at my pills", "i have a plan"
	"use",      // "use it on myself"
	"join",     // "wants to go be with dad" (who died)
	"stopmeds", // "stopped taking my lithium"
	"veil",     // "hypothetically", "asking for a friend"
	"tired",    // "tired of fighting"
	"silent",   // "no contesta", "she won't pick up"
	"other",    // "i'm going to kill him": intent to harm another person
	"serious",  // "i mean it", "when he gets home": the intent is not anger's idiom
}

// safetyEmergencyKinds name the weak emergency clues; two different kinds
// make an emergency. "bleed" must stay first: safetyBleedBit names it.
var safetyEmergencyKinds = []string{
	"bleed", "faint", "racing", "sweat", "arm", "sob", "speech", "sudden", "still", "hurt",
	"acc", "head", "confused", "vomit", "fall", "cantget", "preg", "pain", "allergy", "swell",
	"dying", "sugar", "stroke", "exposed", "face", "airway", "numb", "seize", "vision",
}

// safetyBleedBit is the clue "bleeding": with a crisis it means self-harm done.
const safetyBleedBit = 1 << 0

// safetyOtherBit is the clue "a threat to another person". Alone it is
// anger's idiom ("i'm gonna kill my brother"), and the rules have judged
// it so: the model does not overrule them (see CheckSafety).
var safetyOtherBit = uint32(1) << slices.Index(safetyCrisisKinds, "other")

// safetyCommonWords are frequent English and Spanish words (besides the
// words of three letters or fewer, which are all taken as frequent). A
// rule is anchored on one of its slots made of other words if it has one,
// so that ordinary messages seldom hold an anchor word. Which words are
// here changes only how often the rules are tried, never their outcome.
const safetyCommonWords = `
about above after again also always because been before being both could did does doing done down during each even
ever every from gets getting goes going gone have having here hers into just know like make many might more most much
must never once only other over please really right same should some still such take than that their them then there
these they thing things think this those through time times under until very want wants wanted well went were what
when where which while will with would your yours help need needs call tell feel feeling today week weeks year years
month months hour hours minute minutes night morning tomorrow yesterday last next back home work said says told
algo como con del donde ella esta estan este esto estoy hace hacer nada para pero porque puedo puede quiero sobre
tengo tiene tienen todo todos estar mucho muy cuando desde hasta tambien siempre ahora hoy ayer manana semana semanas
remind reminder recuerdame recordarme recuerda recuerde alarm alarma bring bringing brought carrying llevar llevo traer
traigo water find fear worried outside afuera private partes touch touched muchas muchos bolsa cuento seguro
`

// safetyFrequentWords are the most frequent words of English and Spanish,
// as a general frequency list has them: nearly every message holds some.
// An anchor slot made of them would send nearly every message to the gate's
// blocks, so they cost ten times a short or common word there. As with
// safetyCommonWords, they change how often rules are tried, never a verdict.
const safetyFrequentWords = `
the be is are was were am been to of and in that have has had it for not on with he as you do does did at this but
his by from they we say her she or will my one all would there their what so up out if about who get got which go me
when make can like time no just him know take people into year your good some could them see other than then now
look only come its over think also back after use two how our work first well way even new want because any these
give day most us im dont cant
de la que el en y los se del las un por con una su para es al lo como mas pero sus le ha me si sin sobre este ya
entre cuando todo esta ser son dos tambien fue habia era muy hasta desde mi porque yo hay vez puede todos asi nos ni
tiene uno donde bien tiempo ese ahora cada otro despues te otros esa eso hace otra siempre dia tanto ella
`
