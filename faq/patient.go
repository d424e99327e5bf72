package faq

import "strings"

// patientWords maps the words patients use to the words clinics write
// (a small consumer health vocabulary: slang, lay names of specialists
// and procedures, and everyday phrasings of common requests). Each line is
// "patient words | more patient words: clinic words". A message's phrase
// also looks for the clinic words, at patientWeight. General vocabulary,
// not any one clinic's content.
const patientWords = `
breast scan | breast xray | breast x-ray | breast screening | breast imaging: mammogram
tummy | belly: stomach
pee | peeing: urine
poop | poo | stool sample: stool
period | periods: menstrual period
throw up | throwing up | threw up | puking | puke: vomiting
colonoscope: colonoscopy
skin doctor: dermatologist dermatology
heart doctor: cardiologist cardiology
foot doctor: podiatrist
eye doctor: ophthalmologist optometrist eye exam
kids doctor | children's doctor | baby doctor: pediatrician pediatrics
womens doctor | women's doctor | lady doctor: gynecologist ob-gyn
bone doctor: orthopedist orthopedics
shrink | therapist: counselor therapy mental health
talk to someone | someone to talk to: counselor counseling mental health
nurse practitioner | np: provider nurse practitioner
physician assistant: provider
family doctor | family dr | regular doctor | primary doctor: primary care provider
checkup | check up | check-up | annual exam | yearly exam | wellness visit: physical exam
physical | physicals: physical exam
bloodwork | blood work | labs: lab blood test
sugar | blood sugar: glucose diabetes
pressure: blood pressure
the pill | birth control pills: birth control
morning after pill | plan b: emergency contraception birth control
iud | implant | nexplanon | depo: birth control contraception
water pill: diuretic medication
ran out | run out | running out: refill
get more | need more: refill
call off | cant make it | can't make it | cant come | won't make it: cancel
push back | move my appointment | change my appointment | different day | another day: reschedule
running late | be late: late
no show | missed my appointment | forgot my appointment: missed appointment no-show
walk in | walk-in | drop in: walk-in same-day
see someone today | seen today | same day: same-day
copay | co-pay | copayment: copay cost
out of pocket | self pay | cash price | uninsured | no insurance: self-pay cost
pay off | pay in installments | monthly payments | pay monthly: payment plan
health savings account | flexible spending account: hsa fsa
cant afford | can't afford | low income: financial assistance discount
receipt | itemized: itemized bill
estimate | quote | how much will: price estimate
unsubscribe | opt out | stop texting | stop messages: stop reminders opt out
resubscribe | opt back in | start texts | start again | turn back on: opt in reminders
texts | text messages | sms: text message
reminder texts | reminder msgs | reminder messages: reminders
new number | new phone number | changed my number: update phone number
new address | change my address | changed my address: update address
translator | interpreter | doesn't speak english | doesnt speak english: interpreter
sign language | asl | deaf: interpreter sign language
wheelchair | walker | cane | handicap | disabled: accessibility wheelchair
bus | train | subway | metro | light rail: public transit bus
gps | directions | how to get there | where are you: address location directions
fax: fax number contact
password | pw | locked out | cant log in | can't log in | forgot password: reset password portal
app | online account | patient portal: portal
video visit | video call | zoom | facetime: telehealth video visit
message my doctor | email my doctor | write to my doctor | contact my doctor: message provider portal
records | my file | my chart | medical history: medical records
shot record | vaccine card | immunization record | vaccination record | proof of vaccination: immunization records
school form | camp form | sports form | work form | fmla | disability form: forms letters
doctors note | doctor's note | sick note | work note | school note: note letter
referral | refer me | specialist: referral
prior auth | prior authorization | preauthorization | pre-authorization: prior authorization
pharmacy | drugstore | chemist: pharmacy
er | emergency room | a&e | hospital emergency: emergency room
911 | ambulance: emergency
after hours | at night | middle of the night | weekend | on call | on-call: after hours nurse line
nurse line | advice line | talk to a nurse: nurse line
anxiety | depressed | depression | stressed | panic attacks: mental health counseling
suicidal | kill myself | end my life | end it all | want to die | hurt myself: crisis suicide
overdose: emergency
pregnant | expecting: pregnancy prenatal
breastfeeding | nursing | breast feeding: breastfeeding
newborn | new baby: new parents baby
wrinkles | fine lines | crows feet | forehead lines | frown lines: botox wrinkles
lip filler | lips | cheek filler: filler
tox | botox | dysport | xeomin: botox
chemical peel | peel: chemical peel facial
hair removal | laser hair: laser hair removal
spa | med spa | medspa: aesthetic
grief | bereavement | passed away: grief support
diabetic | diabetics | type 2 | type 1: diabetes
support group: support group
flu shot | flu jab | flu vaccine: flu vaccine
covid shot | covid jab | covid booster: covid vaccine
tetanus shot | tetanus booster: tdap tetanus
std | stds | sti | stis: sexually transmitted infection testing
hiv test | aids test: hiv testing
pap | paps | pap test: pap smear
mammo: mammogram
colonoscopy prep | bowel prep: colonoscopy prep
ultrasound | sonogram | mri | ct scan | cat scan | xray | x-ray: imaging
id | drivers license | driver's license | license | passport: photo id
privacy | hipaa | confidential | share my info | share my information: privacy
get on the schedule | get an appointment | get seen | be seen | see someone | see a doctor | see the doctor | set up an appointment | set up a visit: appointment schedule book
soonest | earliest | next available | first available | next opening: appointment available
this afternoon | this morning | right away | today if possible | any chance today: today same-day
stop by | drop by | come by | come in without: walk-in
running behind | stuck in traffic | in traffic | going to be late | gonna be late: late
skip my appointment | skipped my appointment | didnt show | didn't show: missed no-show
push my appointment | bump my appointment | switch my appointment | change the time | different time | another time | later time | earlier time: reschedule
wont be able to come | won't be able to come | need to cancel | have to cancel: cancel
first time | first visit | first appointment | never been there | never been before: new patient first visit
have with me | need to bring | should i bring | take with me: bring
intake forms | forms to fill | fill out forms | new patient paperwork: forms new patient
from home | from my house | over video | on video | video chat | on my laptop | on my computer | on my tablet | online visit | virtually | remotely | skype: telehealth video visit
my whole file | everything from my file | copies of my records | copy of my chart | copy of my records: medical records copy
lawyer | attorney | legal case | court case: medical records release
old doctor | previous doctor | last doctor | former doctor | old clinic | previous clinic | last clinic | old practice: previous doctor records transfer
moving away | moving out of state | relocating | new state | another state: records transfer
proof of my shots | shot records | vaccine records | vaccination card | yellow card: immunization records
nasal spray | nose spray | flumist | through the nose | up the nose | needle free: nasal spray flu
drive through | drive thru | drive-up | drive up | from your car | from the car | from my car | curbside: drive-through
whooping cough | pertussis: tdap whooping cough
rusty nail | lockjaw: tetanus tdap
baby shots | infant shots | well baby | month shots | month checkup | month old shots: childhood vaccine schedule
travel shots | yellow fever | typhoid | malaria: travel vaccines
bc | bc pills | birth control pills | contraceptive pill: birth control
boob | boobs | breasts: breast
boob scan | breast check | breast exam: mammogram
pregnancy test | positive test | im pregnant | i'm pregnant | think im pregnant | think i'm pregnant | expecting a baby | having a baby: pregnancy prenatal
midwife | ob | obgyn | ob/gyn | gyno: gynecology prenatal
scope | colonoscope | scoped: colonoscopy
clear liquids | clear liquid | broth | jello | gatorade | laxative: colonoscopy prep clear liquid diet
ending it all | ending my life | killing myself | killing himself | killing herself | kill himself | kill herself | take my life | taking his life | taking her life | harm myself | self harm | self-harm | dont want to live | don't want to live: crisis suicide
someone to talk to | talk to someone | psychologist | psychiatrist | counselling: counselor mental health
struggling | overwhelmed | isolated | lonely | burned out | burnt out: mental health support
passed | died | lost my husband | lost my wife | lost my mom | lost my dad | widow | widowed | grieving | mourning: grief bereavement
middle of the night | overnight | after you close | when you're closed | when youre closed | after closing: after hours nurse line
anyone i can call | someone to call | on call doctor | on-call doctor | call a nurse: nurse line after hours
balance | statement | charged | charges: bill
pay over time | monthly payments | installments | a little at a time | poco a poco | split the bill | split payments: payment plan
sliding scale | charity care | financial help | help paying: financial assistance
without insurance | between insurance | lost my insurance | no coverage | not insured: self-pay uninsured price
how much will it cost | how much would it cost | what will i pay | what would i pay | roughly what | ballpark | rough idea: cost estimate price
denied | rejected | claim | didn't pay | didnt pay | wouldn't cover | wouldnt cover | supposed to cover: insurance claim billing
new insurance | changed insurance | switched insurance | insurance changed | new plan | new insurance card: update insurance
cant get in | can't get in | cant sign in | can't sign in | wont let me log in | too many tries | too many attempts: locked out password reset portal
create an account | make an account | set up an account | activate my account: portal sign up
moms account | mom's account | dad's account | dads account | parents account | parent's account | her account | his account | her portal | his portal | on her file | on his file | help her | help him: caregiver proxy access
alerts | notifications | msgs: reminders text messages
turn off | no more texts | no more messages | dont want any more | don't want any more | dont want anymore | don't want anymore | no longer want: stop unsubscribe opt out
undo | turn back on | opt back in | get them again | unsubscribed by mistake | accidentally unsubscribed | by accident: opt in resubscribe reminders
legit | scam | spam | is this you | who is texting: reminders
my boss | my employer | my job find out | find out what: privacy who can see records
safe with you | keep it private | keep my info private | who sees my: privacy
almost out | out of my | more of my | new script | early refill: refill prescription
different pharmacy | new pharmacy | closer pharmacy | other pharmacy | another pharmacy | switch pharmacies: pharmacy transfer prescription
stolen | got stolen | lost my meds | lost my pills | lost my prescription: controlled early refill
skin doctor | derm: dermatologist dermatology referral
paper from you | note from you | permission to see: referral
only speaks | speaks only | no english | doesnt speak | doesn't speak: interpreter language
scooter | elevator | ramp | stairs | second floor | upstairs: accessibility
get a hold of | get ahold of | reach someone | reach a person | real person | human: contact phone
juvederm | restylane | cheek filler | lip injections: filler
too big | dissolve | dissolved | reverse it | reversed: filler dissolve
11s | frown lines | forehead lines | crow's feet: botox wrinkles
med spa | medspa | cosmetic | glow: aesthetic
swollen | swelling | bruise | bruising | lumps | bumps: swelling bruising aftercare
meetup | meet up | get together: support group meeting
moms group | mom group | mommy group | parents group | new moms | new dads: new parents group
screenshot | screenshots | take pictures | record the meeting: recording photos confidentiality
taking anyone | taking people | taking patients | taking new | accepting anyone | accepting people | open to new: accepting new patients
where to click | cant find the link | can't find the link | where is the link | wheres the link | how to join | how do i join | log on to | get into my: join link
move my rx | move my prescription | move my prescriptions | transfer my rx | transfer my prescription | switch my prescription | send my rx | send my prescription: pharmacy transfer prescription
write to my | message my | email my | send a message to my | text my | ask my doctor | ask my provider: message provider portal
cancel the reminder | cancel reminders | cancel the reminders | cancel the texts | cancel texts | cancel the messages | cancel the alerts: stop reminders opt out
deal | deals | promo | promotion | special offer | specials | membership | bundle: discount price
look bad | look weird | look funny | downtime | recovery time | back to work | how long until: downtime recovery
tell others | tell anyone | share what i say | what i said | what i say | stays in the group | keep it private: confidential privacy
`

// pacienteWords is the same for Spanish messages to an English knowledge
// base: common phrases whose words, translated one by one, would miss.
const pacienteWords = `
quitarme la vida | matarme | suicidarme | no quiero vivir | hacerme dano: suicide crisis
sala de emergencias | sala de urgencias | emergencias: emergency room
silla de ruedas: wheelchair accessibility
fin de semana | fines de semana: weekend
presion arterial | presion alta: blood pressure
prueba de embarazo | estoy embarazada: pregnancy prenatal
seguro medico | aseguranza | seguranza: insurance
mensajes de texto | mensajes | textos: text messages reminders
ya no quiero | dejar de recibir | no me manden | no quiero recibir: stop opt out unsubscribe
dolor de cabeza: headache
historial medico | expediente medico | registros medicos: medical records
por video | videollamada | video llamada | en linea: video visit telehealth
me siento mal | estoy enfermo | estoy enferma | me enferme: sick
hoy mismo | el mismo dia: today same-day
cambiar mi cita | mover mi cita | otro dia: reschedule appointment
cancelar mi cita | no puedo ir: cancel appointment
traductora: interpreter translate
no habla ingles | no hablo ingles: interpreter
resultados de laboratorio | analisis de sangre | examen de sangre: lab results blood test
receta medica | recetas: prescription
control prenatal | cuidado prenatal: prenatal care
pagar a plazos | pagos mensuales: payment plan
sin seguro | no tengo seguro: without insurance self-pay
primera vez | primera cita | primera consulta: first visit new patient
dar de alta | darme de baja: unsubscribe
contrasena | olvide mi contrasena: password reset
`

// patientWeight is how much a clinic word counts when a patient's word
// stands for it.
const patientWeight = 0.75

type patientEntry struct {
	keys    [][]string // each key as folded words
	targets []string
}

// patientLexicon is patientWords and pacienteWords parsed once, by the
// language of the patient's words.
var patientLexicon = [langOther][]patientEntry{langEN: parsePatient(patientWords), langES: parsePatient(pacienteWords)}

func parsePatient(src string) []patientEntry {
	var out []patientEntry
	for _, line := range strings.Split(src, "\n") {
		keys, targets, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		var e patientEntry
		for _, k := range strings.Split(keys, "|") {
			if ws := foldWords(k); len(ws) > 0 {
				e.keys = append(e.keys, ws)
			}
		}
		e.targets = strings.Fields(targets)
		out = append(out, e)
	}
	return out
}

// patientPhrase is a multi-word key of the patient lexicon, resolved for
// one knowledge base.
type patientPhrase struct {
	words []string
	recs  []*wordRecord // the words' records (see buildKnown), compared by pointer
	alts  []alt
}

// buildPatient resolves the patient lexicon's clinic words to this
// knowledge base's terms: single-word keys by word, longer keys by their
// first word.
func (ix *index) buildPatient() {
	if ix.kbLang != langEN {
		return
	}
	for l, entries := range patientLexicon {
		ix.patient1[l] = make(map[string][]alt)
		ix.patientN[l] = make(map[string][]patientPhrase)
		for _, e := range entries {
			alts := ix.meaningOf(langEN, strings.Join(e.targets, " "), patientWeight, 1)
			if len(alts) == 0 {
				continue
			}
			for _, k := range e.keys {
				if len(k) == 1 {
					ix.patient1[l][k[0]] = appendAlts(ix.patient1[l][k[0]], alts)
					continue
				}
				ix.patientN[l][k[0]] = append(ix.patientN[l][k[0]], patientPhrase{words: k, alts: alts})
			}
		}
	}
}

func appendAlts(dst, src []alt) []alt {
	for _, a := range src {
		dst = appendAlt(dst, a)
	}
	return dst
}

// patientPhraseAt returns the longest of ps, the patient phrases in the
// message's language that start with token i's word, that the message
// has at token i. A word's record stands for the word: every word of a
// phrase has one record (see buildKnown), so two words are equal when
// their records are.
func patientPhraseAt(sc *scratch, ps []patientPhrase, i int) (patientPhrase, bool) {
	var best patientPhrase
	found := false
	for _, p := range ps {
		if i+len(p.words) > len(sc.recs) || (found && len(p.words) <= len(best.words)) {
			continue
		}
		match := true
		for k := 1; k < len(p.recs); k++ {
			if sc.recs[i+k] != p.recs[k] {
				match = false
				break
			}
		}
		if match {
			best, found = p, true
		}
	}
	return best, found
}
