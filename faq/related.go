package faq

import "strings"

// relatedWords is a small general English thesaurus: each line is a group
// of words that people use for one another when they ask a question
// ("novel" for "new", "kid" for "child", "fee" for "cost"). Unlike synonym
// groups, these are not merged in the index: a message's word also looks
// for its related words, at relatedWeight, so an exact word still counts
// more. Single words only; everyday vocabulary, not any knowledge base's.
const relatedWords = `
new novel recent latest
spread transmit transmitted transmission pass passed diffuse contagious infectious catch
risk danger threat chance likelihood vulnerable susceptible
dangerous risky harmful unsafe hazardous
severe serious grave critical
sick ill unwell poorly
child kid toddler son daughter youngster boy girl minor
children kids sons daughters
mother mom mum mommy mama
father dad daddy papa
husband wife spouse partner
parent parents guardian
elderly senior seniors older aged elder
help assist support aid
protect prevent avoid guard safeguard shield
clean disinfect sanitize sanitise wash cleanse
begin start commence
finish end stop over done
stay remain
leave exit depart discharge discharged release released
arrive come reach
home house
job work employment workplace employer
cost price charge fee expense rate pricing
cheap affordable inexpensive
owe debt balance outstanding
buy purchase
allowed permitted okay ok allow permit
quick fast rapid quickly soon asap
wait waiting delay
late delayed tardy
today tonight now
call phone ring dial
text sms message
speak talk chat
tell inform notify
find locate
near nearby close closest nearest
address location directions
place location site spot venue
building facility premises
closed shut
holiday holidays vacation
change modify alter switch update
move shift push postpone reschedule
cancel drop
book schedule arrange reserve
appointment appt visit consultation slot
forget forgot forgotten
lost misplaced missing
wear use put
mask facemask respirator covering
test testing tested screening screen check checked exam examination
result results report outcome findings
symptom symptoms sign signs
fever temperature
vomit vomiting puke puking nausea nauseous
pain hurt hurts ache aching sore
injury injured wound
tired fatigue fatigued exhausted
sad depressed depression down low
anxious anxiety worried nervous stressed stress panic
die death dead died dying fatal deaths
pregnant expecting pregnancy
breastfeeding nursing breastfeed
baby infant newborn
pill pills tablet tablets capsule
shot injection jab needle
pet pets animal animals dog dogs cat cats
food meal meals eat eating
alcohol wine beer liquor drinking
smoke smoking cigarette cigarettes vape vaping
exercise workout gym
travel trip flight flying abroad traveling travelling
country countries nation
community neighborhood neighbourhood area region town city local
people persons individuals population public
worker workers employee employees staff
paperwork papers forms documents
record records file chart history
send fax forward transfer
register enroll enrol join signup
password passcode pin
account profile
translate interpret interpreter translator
wheelchair disabled disability mobility
safe secure
private confidential privacy
share disclose reveal release
rule rules policy policies guideline guidelines regulation
happen occur occurs happens
cause causes reason reasons
difference different differ versus vs
advice recommendation recommendations guidance tips
precaution precautions measure measures step steps action actions
prepare ready preparation
affect affects impact impacts influence
increase rise grow higher
decrease reduce lower decline fewer less
long duration
survive live lives last lasts
surface surfaces object objects package packages
warm heat hot summer
name called named
mean meaning definition stand stands
source origin originate originated came
cure treatment remedy treat therapy
medication medicine drug drugs meds
doctor physician provider
specialist expert
nurse nurses
hospital hospitals
clinic practice office
online internet web website app
computer laptop tablet
video virtual remote remotely online
mail post
weekend saturday sunday
morning mornings am
evening night nights pm
yearly annual annually
monthly month
daily day
tomorrow
undo reverse revert
again back
broken damaged
swollen swelling swell puffy
bruise bruising bruised
scar scarring
skin complexion
hair
teen teenager adolescent
adult grown
free complimentary
cover covered covers coverage
accept accepted take
refill renew renewal
deny denied reject rejected decline declined
`

// relatedWeight is how much a related word counts against the word itself.
const relatedWeight = 0.7

// relatedGroups are the lines of relatedWords, split once.
var relatedGroups = func() [][]string {
	var out [][]string
	for _, line := range strings.Split(relatedWords, "\n") {
		if ws := strings.Fields(line); len(ws) > 1 {
			out = append(out, ws)
		}
	}
	return out
}()

// buildRelated maps each English stem of a thesaurus group to the terms
// of the other members that some entry holds.
func (ix *index) buildRelated() {
	ix.related = make(map[string][]int32)
	if ix.kbLang != langEN {
		return
	}
	for _, g := range relatedGroups {
		var terms []int32
		stems := make([]string, len(g))
		for i, w := range g {
			stems[i] = stem(langEN, w)
			if id, ok := ix.terms[stems[i]]; ok && ix.matchable(id) && !containsTerm(terms, id) {
				terms = append(terms, id)
			}
		}
		if len(terms) == 0 {
			continue
		}
		for _, st := range stems {
			for _, t := range terms {
				if ix.names[t] != st && !containsTerm(ix.related[st], t) {
					ix.related[st] = append(ix.related[st], t)
				}
			}
		}
	}
}
