package faq

// spanishSpecific is the bilingual lexicon's second part, in the same
// format as spanishEnglish: the names of specific things (conditions,
// symptoms, body parts, tests, vaccines, specialists, documents, payment
// terms) rather than everyday words. Unlike spanishEnglish's words, a
// word here that no entry holds is not everyday chat: like a word the
// knowledge base has never seen, it weighs against a confident answer
// ("como dejo de fumar" is not a question about parking).
const spanishSpecific = `
abonos: payment plan, installments
abuela: grandmother
abuelo: grandfather
acceder: log in, access
accesible: accessible
acidez: heartburn, acid reflux
adelgazar: lose weight, weight loss
adeudo: balance, owe
agendada: scheduled, booked
agendado: scheduled, booked
agruras: heartburn
ahogo: shortness of breath
alcohol: alcohol
alergias: allergies
ambulancia: ambulance
antidoping: drug test
antigripal: flu shot
anual: annual, yearly
aranitas: spider veins
articulaciones: joints
artritis: arthritis
ascensor: elevator
asegurado: insured, insurance
aseguradora: insurance company, insurer
aseguransa: insurance
aseguranza: insurance
asistente: assistant, physician assistant
asma: asthma
audicion: hearing
bienestar: wellness
biopsia: biopsy
botox: botox
bronquitis: bronchitis
bulto: lump
cadera: hip
calentura: fever
calificar: qualify
cancelada: canceled
cancelaron: canceled
cancer: cancer
cardiologo: cardiologist
cargos: charges, fees
cartas: letters
cartilla: vaccination card, immunization record
caspa: dandruff
celulitis: cellulite, cellulitis
cera: wax, waxing
cicatrices: scars
cicatriz: scar
cobertura: coverage
colicos: cramps, colic
comezon: itching, itch
condones: condoms
confirmacion: confirmation
congestion: congestion, stuffy nose
congestionado: congestion, stuffy nose
consentimiento: consent
contagioso: contagious
convulsiones: seizures
copagos: copays
copias: copies
costos: costs
covid: covid
credito: credit
cronico: chronic
cubrebocas: mask
culebrilla: shingles
cunada: sister-in-law
cunado: brother-in-law
cuotas: installments
custodia: custody, guardian
debilidad: weakness
debito: debit
dedos: fingers, toes
dental: dental
depilar: hair removal, waxing
dermatologa: dermatologist
dermatologo: dermatologist
descargar: download
descuentos: discounts
desmayo: fainting
devolucion: refund
diabetis: diabetes
diagnostico: diagnosis
diarrea: diarrhea
disponibilidad: availability
diu: iud
domingos: sundays
ecografia: ultrasound
efectos: side effects
elegible: eligible
endoscopia: endoscopy
enfermedades: illnesses, diseases
escala: sliding scale
escalofrios: chills
esguince: sprain
espacio: opening, availability
esperando: waiting
espinillas: blackheads, acne
estetica: aesthetic, cosmetic
estetico: aesthetic, cosmetic
estrenido: constipated, constipation
estrenimiento: constipation
estrias: stretch marks
ets: std, sti
extraccion: blood draw
faciales: facials
facturacion: billing
falte: missed, no-show
feriados: holidays
fertilidad: fertility
fines: weekends
flacidez: sagging, loose skin
fractura: fracture, broken bone
glucosa: glucose, blood sugar
gotas: drops
grano: pimple, acne
heces: stool
hepatitis: hepatitis
herpes: herpes, cold sores
hinchada: swollen, swelling
hinchado: swollen, swelling
hinchazon: swelling
hipertension: high blood pressure, hypertension
hombro: shoulder
hongos: fungus, fungal infection
hormonas: hormones
infeccion: infection
infecciones: infections
inflamacion: swelling, inflammation
influenza: flu
inmigracion: immigration
instalar: install
inyectar: inject, injection
jarabe: syrup
laser: laser
llamadas: calls
llamaron: called
lunar: mole
lunares: moles
madrastra: stepmother
mamograma: mammogram
manos: hands
mascarilla: mask
matricula: consular id
mayores: seniors, older adults
medicaid: medicaid
medicare: medicare
medicinas: medicines, medications
membresia: membership
menopausia: menopause
menstruacion: period, menstruation
mensualidad: monthly payment
mental: mental health
microagujas: microneedling
migrana: migraine
mocos: runny nose, congestion
moreton: bruise
moretones: bruises
muletas: crutches
muneca: wrist
musculos: muscles
nauseas: nausea
navidad: christmas
nervios: anxiety, nerves
neumococo: pneumococcal, pneumonia
neumonia: pneumonia
neurologo: neurologist
nieta: granddaughter, grandchild
nieto: grandson, grandchild
nietos: grandchildren
notificacion: notification, alert
notificaciones: notifications, alerts
nutricionista: nutritionist, dietitian
nutriologo: nutritionist, dietitian
obesidad: obesity, weight
oftalmologo: ophthalmologist, eye doctor
oidos: ears
operacion: surgery, operation
operar: surgery
optometrista: optometrist, eye doctor
padrastro: stepfather
pagado: paid
pagando: paying
pagaron: paid
pano: melasma, dark spots
pap: pap smear
papada: double chin
papanicolaou: pap smear
papiloma: hpv, papilloma
pareja: partner, spouse
parqueadero: parking
partera: midwife
partida: birth certificate
pediatria: pediatrics
peeling: peel, chemical peel
periodo: period
picazon: itching, itch
piernas: legs
planificacion: family planning, birth control
poliza: policy
preautorizacion: prior authorization
precion: blood pressure
preventivo: preventive
primaria: primary care
promociones: specials, promotions
prostata: prostate
psicologa: psychologist, therapist
psicologo: psychologist, therapist
psiquiatra: psychiatrist
pulmones: lungs
pulmonia: pneumonia
puntos: stitches
queja: complaint
quiropractico: chiropractor
quiste: cyst
rampa: ramp, wheelchair access
rayos: x-ray
reagendar: reschedule
recetaron: prescribed
reclamo: complaint, claim
recuperar: recover, reset
red: network
reembolsar: refund
referido: referral
reflujo: reflux, acid reflux
regla: period, menstruation
rellenar: refill
rellenos: fillers
requisitos: requirements
reseta: prescription
restablecer: reset
resurtir: refill
reumas: arthritis, rheumatism
rinon: kidney
rodillas: knees
ronchas: hives, rash
saldo: balance
salpullido: rash
sangrado: bleeding
sarampion: measles
sarpullido: rash
seguimiento: follow-up
semanal: weekly
seno: breast
senos: breasts
sesion: session, log in
sesiones: sessions
sinusitis: sinus infection, sinusitis
sita: appointment
sitas: appointments
sonograma: ultrasound
sordo: deaf, hearing loss
subir: upload
sucursal: location, branch
suegra: mother-in-law
suegro: father-in-law
suero: iv therapy, serum
tabaco: tobacco, smoking
tatuaje: tattoo
tatuajes: tattoos
telemedicina: telehealth, telemedicine
temperatura: fever, temperature
terapeuta: therapist
tetano: tetanus
tetanos: tetanus
textos: texts
tiroides: thyroid
tosferina: whooping cough, pertussis
traductora: interpreter, translator
tratamientos: treatments
tuberculosis: tuberculosis, tb
tutor: guardian
urinaria: urinary, uti
urologo: urologist
urticaria: hives
varicela: chickenpox, varicella
varices: varicose veins
verificacion: verification, code
verruga: wart
verrugas: warts
vih: hiv
viruela: smallpox, mpox
vitaminas: vitamins
vomitando: vomiting
vomitar: vomit, vomiting
vomito: vomiting
vph: hpv
yeso: cast
zoster: shingles
`
