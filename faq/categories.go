package faq

import "strings"

// healthCategories is general health-care knowledge: specific things
// (brand and generic drug names, vaccines, insurers, pharmacy chains,
// specialists, tests) and the everyday words for what they are. A message
// that names one ("my adderall", "do you take aetna", "proof of my mmr")
// also looks for its category words, at categoryWeight: "aetna" is not in
// the knowledge base, but "insurance" is. The names are common knowledge,
// not any clinic's content. Format: "category words: member member ...".
const healthCategories = `
vaccine vaccination shot immunization: mmr measles mumps rubella tdap dtap tetanus pertussis diphtheria whooping hpv gardasil shingrix zostavax shingles hepatitis hep polio ipv varicella chickenpox pneumonia pneumococcal prevnar pneumovax rotavirus meningitis meningococcal hib rsv booster pfizer moderna novavax typhoid rabies bcg
medication medicine prescription: ibuprofen advil motrin tylenol acetaminophen paracetamol aspirin naproxen aleve amoxicillin augmentin azithromycin zpack cephalexin keflex doxycycline cipro antibiotic antibiotics metformin insulin ozempic mounjaro wegovy trulicity jardiance lisinopril losartan amlodipine metoprolol hydrochlorothiazide atorvastatin lipitor statin simvastatin crestor levothyroxine synthroid omeprazole prilosec pantoprazole nexium albuterol ventolin proair inhaler symbicort advair prednisone steroid sertraline zoloft prozac fluoxetine lexapro escitalopram celexa wellbutrin bupropion trazodone gabapentin benadryl claritin zyrtec allegra flonase melatonin epipen warfarin coumadin eliquis xarelto plavix zofran montelukast singulair valtrex acyclovir diflucan fluconazole antidepressant antidepressants pills pill tablets
controlled stimulant opioid: adderall ritalin vyvanse concerta focalin xanax alprazolam klonopin clonazepam valium diazepam ativan lorazepam oxycodone hydrocodone percocet vicodin norco tramadol morphine codeine suboxone buprenorphine fentanyl benzodiazepine benzo benzos opioids narcotic narcotics
insurance plan coverage: aetna cigna humana anthem kaiser tricare ambetter oscar molina centene wellcare bcbs bluecross blueshield unitedhealthcare uhc hmo ppo epo obamacare aca cobra chip medi-cal medical
pharmacy: cvs walgreens riteaid walmart kroger publix safeway costco wegmans heb meijer
specialist referral: dermatologist cardiologist neurologist orthopedist orthopedic ortho ent gastroenterologist gastro endocrinologist urologist oncologist podiatrist allergist rheumatologist psychiatrist ophthalmologist optometrist pulmonologist nephrologist surgeon chiropractor physiatrist hematologist
imaging: mri ct cat dexa echocardiogram echo xray x-ray radiology sonogram
lab test results: cholesterol lipid lipids glucose cbc cmp bmp tsh thyroid urinalysis urine psa bloodwork labwork
mental health counseling: anxiety depression depressed anxious panic ptsd adhd bipolar ocd insomnia grief stressed
crisis suicide: suicidal suicide overdose selfharm cutting
family: mom mother mum dad father husband wife spouse son daughter kid kids child children baby grandma grandpa grandmother grandfather brother sister parent parents toddler teen grandson granddaughter grandbaby niece nephew
child children: toddler infant preschooler kindergartner kindergarten teen teenager preteen tween grandchild grandbaby grandkid grandkids newborn
sick illness: cold sore throat strep cough fever flu vomiting diarrhea rash uti infection sprain earache ear
pregnancy pregnant prenatal: pregnant expecting trimester obstetric ob
sports: soccer football basketball baseball softball volleyball hockey lacrosse tennis swimming wrestling cheer cheerleading gymnastics track cross-country rugby golf dance
accessibility disability: wheelchair walker cane crutches scooter placard handicap handicapped disabled blind deaf hoh autism autistic mobility
video telehealth virtual: zoom facetime skype webcam computer laptop
travel trip: mexico guatemala honduras salvador nicaragua panama colombia venezuela ecuador peru bolivia chile argentina brazil brasil uruguay paraguay cuba haiti jamaica dominican bahamas caribbean india pakistan bangladesh china japan japon korea vietnam philippines thailand cambodia indonesia malaysia nepal africa kenya nigeria ghana ethiopia tanzania uganda egypt morocco senegal europe europa france francia italy italia spain espana germany alemania england inglaterra ireland greece turkey israel asia abroad overseas cruise safari
language interpreter: spanish english french german italian portuguese russian ukrainian polish arabic farsi persian dari pashto urdu hindi bengali punjabi gujarati tamil telugu chinese mandarin cantonese vietnamese korean japanese tagalog filipino thai lao hmong khmer burmese nepali somali amharic tigrinya swahili haitian creole kreyol mixtec mixteco zapotec zapoteco triqui quiche mam kanjobal navajo asl
`

// categoryWeight is how much a category word counts for the specific
// thing named: some, because "aetna" is insurance but not every
// insurance question is about aetna.
const categoryWeight = 0.55

// categoryOf maps a folded member word to its category words.
var categoryOf = func() map[string][]string {
	m := make(map[string][]string)
	for _, line := range strings.Split(healthCategories, "\n") {
		cat, members, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		cats := strings.Fields(cat)
		for _, w := range strings.Fields(members) {
			for _, c := range cats {
				if c != w {
					m[w] = append(m[w], c)
				}
			}
		}
	}
	return m
}()

// buildCategories resolves, for this knowledge base, each member word to
// the terms of its category words that some entry holds.
func (ix *index) buildCategories() {
	ix.category = make(map[string][]int32)
	if ix.kbLang != langEN {
		return
	}
	for w, cats := range categoryOf {
		var ts []int32
		for _, c := range cats {
			if id, ok := ix.terms[stem(langEN, c)]; ok && ix.matchable(id) && !containsTerm(ts, id) {
				ts = append(ts, id)
			}
		}
		if len(ts) > 0 {
			ix.category[w] = ts
		}
	}
}
