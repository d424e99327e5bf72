package faq

// spanishEnglish is a small bilingual lexicon of words patients use with a
// clinic, so that a Spanish message finds an entry written only in English
// (and the reverse for a Spanish knowledge base). It is general clinic
// vocabulary, not any one clinic's content. One line per Spanish word (in
// folded form, with common inflections of irregular verbs listed apart);
// the English side lists words or phrases, best first.
const spanishEnglish = `
abdomen: abdomen, stomach
toca: due, turn
tocan: due
ofrece: offer
ofrecen: offer
ofrecemos: offer
requiere: require, need
requieren: require, need
funciona: work
funcionan: work
recomendado: recommended
recomendada: recommended
recomendamos: recommend
rapido: quick, fast
rutina: routine
telesalud: telehealth
posparto: postpartum
derrame: stroke
robo: theft, stolen
lesion: injury
menores: minors
maternidad: maternity
impuestos: taxes
identidad: identity
imprimir: print
garaje: garage
esquina: corner
escalones: steps, stairs
conducir: drive
perfil: profile
calendario: calendar
millas: miles
miembro: member
miembros: members
respuesta: answer, response
responder: reply, answer
preguntas: questions
marcar: dial, press
marque: dial, press
enero: january
febrero: february
marzo: march
abril: april
mayo: may
junio: june
julio: july
agosto: august
septiembre: september
setiembre: september
octubre: october
noviembre: november
diciembre: december
abierta: open
abiertos: open
abla: speak
acabar: run out, finish
acabaron: ran out
acabado: ran out
acceso: access
accidente: accident
acne: acne
acompanar: accompany, bring
adelantar: earlier, move up
agende: book, schedule
agendo: book, schedule
agendar: book, schedule
ahora: now, today
alergico: allergic, allergy
alguien: someone, person
amamantando: breastfeeding
anoche: last night
apartar: book, reserve
apellido: last name
aplicar: apply
aplica: apply
apoyo: support
aprobacion: approval, authorization
archivo: file, records
archivos: files, records
arreglar: fix
atendieron: seen
atrasado: late
atrasada: late
aumento: increase
autorizacion: authorization
avisar: notify, remind
avisen: notify, let know
ayer: yesterday
ayudan: help
ayunas: fasting
bajar: lower, download
baja: unsubscribe, low
barriga: belly, stomach
basquetbol: basketball, sports
bebe: baby
beisbol: baseball, sports
bloqueada: locked
bloqueado: locked
boleto: ticket
borrar: delete
buscar: find
caida: fall, hair loss
camara: camera
cambie: change, changed
cambiaron: changed
campamento: camp
cancele: cancel
cancelacion: cancellation, cancel
cansada: tired, fatigue
cansado: tired, fatigue
cansancio: fatigue, tired
cargo: charge
carnet: card
caro: expensive, cost
casa: home, house
catarro: cold
cerrado: closed
certificado: certificate, form
chamaco: kid, child
cheque: check
cirujano: surgeon
clave: password
cobrar: charge
cobran: charge, cost
cobraron: charged, billed
cobro: charge, bill
cola: line, wait
colegio: school
columna: spine, back
comprobante: proof, receipt
comunicar: contact
comunicarme: contact
conectar: connect, join
conectarme: connect, join
confirmar: confirm
conseguir: get
consigo: get
constancia: letter, proof
contacto: contact
contestan: answer
contestar: answer
copia: copy
correo: email
cortada: cut
cosa: thing
costar: cost
credencial: id, card
crema: cream
cubren: cover
cuello: neck
cuerpo: body
cuesta: cost
cuestan: cost
cuidado: care
cuidadora: caregiver
cuidador: caregiver
cumplir: turn
cupo: opening, spot
dato: information
datos: information, details
deben: owe
debo: owe
dedo: finger
demora: wait, delay
depilacion: hair removal
deporte: sports
deportes: sports
deportivo: sports
desayunar: breakfast, eat
deuda: debt, balance, owe
dia: day
diario: daily
diente: tooth
dientes: teeth, dental
dieta: diet
dije: said
dinero: money, payment
doctor: doctor
dolores: pain, aches
dormir: sleep
duda: question
dudas: questions
duelo: grief
economico: affordable, cheap
efectivo: cash
elevador: elevator
empleador: employer
empresa: company, employer
encontrar: find
enfermeria: nursing, nurse
enlace: link
entrar: log in, enter
entrenador: coach, sports
enviar: send
envien: send
envio: send
equipo: team, sports
error: mistake
escolar: school
escribir: write, message
esperar: wait
estomago: stomach
estoy: i am
estres: stress
estudios: tests
exactamente: exactly
examenes: tests, labs
excusa: excuse, note
facial: facial
faltar: miss, no-show
familiar: family member
farmacias: pharmacies, pharmacy
fechas: dates
fin: end
firmar: sign
fisica: physical
fisico: physical
formas: forms
frente: front
fuera: out
fumar: smoking, smoke
futbol: soccer, football, sports
gastos: costs
golpe: injury, hit
granos: acne
grave: serious, severe
grupos: groups, group
guardar: keep
hacer: do, make
hermano: brother
hermana: sister
hijas: daughters, children
hora: time, hour
huesos: bones
idiomas: languages
imagen: imaging
imagenes: imaging
incapacidad: disability, leave
ingles: english
ingresar: log in
iniciar: start, log in
inscribirse: sign up, register
insomnio: insomnia, sleep
internet: online
ir: go
jefe: boss, employer
junto: together
justificante: note, excuse
kinder: kindergarten, school
labios: lips
labs: labs
laboratorios: labs
lactancia: breastfeeding
lastime: hurt
lastimado: hurt, injured
leche: milk, formula
leer: read
lejos: far
liga: link
limpieza: cleaning
linea: online
link: link
llame: call, called
llamen: call
llegar: arrive, get there
llegue: arrive, arrived
lleno: full
llenar: fill out
localizar: find
luego: later
mal: sick, bad
malestar: sick
mancha: spot, dark spot
manchas: spots
mande: send
mandar: send
manera: way
mano: hand
mapa: map
mareada: dizzy
mareado: dizzy
mareo: dizziness, dizzy
marido: husband
medica: medical, doctor
medio: half
mediodia: noon
mejor: better
mensual: monthly
mensualidades: monthly payments, installments
mensualmente: monthly
mes: month
mismo: same
mordida: bite
mover: move, reschedule
mudarme: move
mudo: move
muela: tooth, molar
muelas: teeth, molars
nacido: born, newborn
nariz: nose
necesitamos: need
negaron: denied
nombre: name
nota: note, letter
novia: girlfriend, partner
novio: boyfriend, partner
nuevo: new
numero: number
ocupado: busy
ocupo: need
oferta: special, deal
olvidar: forget
olvidaron: forgot
orden: order
oreja: ear
otra: another, different
otro: another, different
paga: pay
pagan: pay
pagina: website, page
pague: pay, paid
pantalla: screen
panza: stomach, belly
papa: dad, father
papel: paper, form
papeles: papers, records, forms
paquete: package
parar: stop
pasa: happen
pasado: last, past
pasar: move, change
pase: move
patron: employer
pecho: chest
pedi: asked, requested
pedir: request, ask
picadura: bite, sting
pido: request, ask
perdido: lost
perdida: lost
pie: foot
pierna: leg
piquete: bite, sting
plan: plan
planes: plans
poco: little
pomada: ointment, cream
por: by, for
portal: portal
precio: price, cost
prefiero: prefer
presion: blood pressure
primero: first
primo: cousin
privada: private
problema: problem
programar: schedule
promocion: special, promotion
pronto: soon
proxima: next
proximo: next
pueda: can
quebrado: broken
quedar: stay
queda: located, where
quemadura: burn
quiere: want
quisiera: want
quitaron: removed, stopped
recepcion: front desk, reception
recepcionista: receptionist, front desk
recetar: prescribe
recibi: received, got
recien: just
recoger: pick up
recordar: remind
recursos: income, resources
refuerzo: booster
registro: record, records
regresar: return, come back
relleno: filler
renovar: renew, refill
reporte: report, results
reservar: book, reserve
resfrio: cold
resonancia: mri
respirar: breathe, breathing
resultado: result
reuniones: meetings
revisar: check
rodilla: knee
roto: broken
sale: cost
salieron: came back, results
salio: came back, result
segura: safe
seguridad: security, privacy
seguro: insurance
semana: week
senas: sign language
sentir: feel
siento: feel
siguiente: next
sitio: site, website
sobrina: niece
sobrino: nephew
sola: alone
solo: only
surten: fill
suscribir: subscribe, sign up
tardanza: late
tarde: afternoon, late
telefono: phone
temprano: early
terminar: end
texto: text
tia: aunt
tio: uncle
tobillo: ankle
todavia: still
tomar: take
tomografia: ct scan
torci: sprained, twisted
torcido: sprained, twisted
trabajar: work
traduzca: translate, interpreter
traducir: translate, interpreter
traduccion: translation, interpreter
traigo: bring
transferencia: transfer
tratar: treat
tristeza: sadness, depression
ubicacion: location, address
ubicados: located, location
ultima: last
universidad: college
usar: use
usuario: user, account
vacaciones: vacation, travel
vayan: go
vello: hair
vencida: expired
vencido: expired
vengo: come
venir: come
ver: see
vez: time
via: by
videoconsulta: video visit, telehealth
videollamada: video call, video visit
viejo: old
vivo: live
volver: return, again
vuelta: return
zapoteco: zapotec, interpreter
mixteco: mixtec, interpreter
abierto: open
abren: open
abrir: open
abre: open
acabo: ran out, just
acabe: ran out
acepta: accept, take
aceptan: accept, take
aceptar: accept
acompanante: companion, caregiver
acta: certificate
actualizar: update
adolescente: teen, teenager
adulto: adult
adultos: adults
agendar: book, schedule
agenda: schedule
agua: water
ahorita: now
alergia: allergy
alimento: food
almuerzo: lunch
alta: high
analisis: test, lab, tests
anteojos: glasses
anticonceptivo: birth control, contraception
anticonceptivos: birth control, contraception
ano: year
anos: years, old
ansiedad: anxiety
antibiotico: antibiotic
aparcar: park, parking
aplicacion: app
app: app
apuntarme: sign up, register
arrugas: wrinkles
asistencia: assistance, help
atencion: care, service
atender: see, seen
atienden: see, open
atiende: see, open
autobus: bus
avisos: reminders, notices, alerts
aviso: reminder, notice, alert
ayuno: fasting
azucar: sugar, glucose
bano: bathroom, restroom
barato: cheap, low cost
bebe: baby
bebes: babies
beber: drink
boca: mouth
borrar: delete
brazo: arm
buscar: find, look
cabeza: head
cadena: chain
caducado: expired
cafe: coffee
calle: street
cambiar: change, switch
cambio: change
camion: bus
cancelar: cancel
cancelo: cancel
cara: face
cargo: charge, fee
carro: car
carta: letter
casa: home
celular: cell, phone, mobile
cerca: near, close
cerrado: closed
cerrar: close
cierran: close
cierra: close
chequeo: checkup, physical
cirugia: surgery
cita: appointment, visit
citas: appointments
clinica: clinic, office
cobran: charge, cost
cobrar: charge
cobro: charge, fee
codigo: code
colesterol: cholesterol
comer: eat
comida: food, meal
companero: partner
completo: complete, full
computadora: computer
confidencial: confidential, private
consejero: counselor
consejeria: counseling
consulta: visit, appointment, consultation
consultorio: office, clinic
contrasena: password
control: checkup, care
copago: copay
corazon: heart
correo: email, mail
costo: cost, price
cuenta: account, bill
cubre: cover, covers
cubrir: cover
cuesta: cost
cumple: turns
cumpleanos: birthday
cupon: coupon
curso: class
dan: give
deducible: deductible
dejar: leave, park
dentista: dentist
deposito: deposit
depresion: depression
derecho: right
descuento: discount
desayuno: breakfast
diabetes: diabetes
diabetico: diabetic, diabetes
dia: day
dinero: money
direccion: address, directions
discapacidad: disability
disponible: available
doctor: doctor
doctora: doctor
documento: document, form
documentos: documents, forms, paperwork
dolor: pain
domicilio: address, home
domingo: sunday
dosis: dose
duele: hurt, pain
edad: age
edificio: building
ejercicio: exercise
electronico: electronic, email
embarazada: pregnant
embarazo: pregnancy
emergencia: emergency
empleo: job, work
enfermedad: illness, disease, sick
enfermera: nurse
enfermero: nurse
enfermo: sick
enfermos: sick
ensenar: show
entrada: entrance
entrar: enter, log in, get in
enviar: send
escuela: school
espalda: back
espanol: spanish
especialista: specialist
esperar: wait
espera: wait
esposa: wife
esposo: husband
estacionamiento: parking
estacionar: park
estado: state
estudio: test, study
examen: exam, test, physical
expediente: records, file, chart
factura: bill, invoice
familia: family
familiar: family, relative
farmacia: pharmacy
fecha: date
feriado: holiday
festivo: holiday
fiebre: fever
fisioterapia: physical therapy, physiotherapy, rehab
fisioterapeuta: physical therapist, physiotherapist
rehabilitacion: rehab, rehabilitation, physical therapy
electrocardiograma: ekg, ecg, electrocardiogram
mamografia: mammogram
papanicolau: pap smear
colonoscopia: colonoscopy
vacunado: vaccinated, vaccine
fila: line
fin: end
finde: weekend
firma: signature
forma: form
formulario: form
formularios: forms
foto: photo
gafas: glasses
ganar: earn
gano: earn, income
garganta: throat
gimnasio: gym
ginecologo: gynecologist
ginecologa: gynecologist
gratis: free
gratuito: free
gripa: flu
gripe: flu
grupo: group
guarderia: daycare
habla: speak, speaks
hablar: speak, talk
hablo: speak, talk, call
hacen: do
herida: wound, injury
hija: daughter, child
hijo: son, child
hijos: children, kids
historial: history, records
hoja: form, sheet
horario: hours, schedule
hora: hour, time
horas: hours
hospital: hospital
hoy: today
hueso: bone
identificacion: id, identification
idioma: language
iglesia: church
ingles: english
ingresos: income
inhalador: inhaler
inscribirme: sign up, register, enroll
inscribir: sign up, register, enroll
insulina: insulin
interprete: interpreter
inyeccion: shot, injection
inyecciones: shots, injections
jueves: thursday
junta: meeting
juntas: meetings
laboratorio: lab, laboratory
lentes: glasses
letra: letter
licencia: license
lista: list
llamada: call
llamar: call, phone
llamo: call
llegar: arrive, get
llego: arrive, walk in
llevar: bring
llevo: bring
lunes: monday
madre: mother
maestro: teacher
mama: mom, mother
manana: tomorrow, morning
mandar: send
manden: send
mandan: send
manejar: drive
martes: tuesday
medicamento: medication, medicine
medicamentos: medications, medicines
medicina: medicine, medication
medico: doctor, medical
medicos: doctors, medical
mensaje: message, text
mensajes: messages, texts
mes: month
meses: months
miercoles: wednesday
migrante: immigrant
minutos: minutes
molestia: pain
mudanza: move
mudar: move
multa: fee, penalty
muestra: sample
mujer: woman
mujeres: women
nacimiento: birth
necesitar: need
nino: child, kid
ninos: children, kids
nina: child, girl
ninas: children, girls
noche: night, evening
nombre: name
nuevo: new
nuevos: new
nuevas: new
numero: number, phone
nutricion: nutrition
obstetra: obstetrician, ob-gyn
oficina: office
oido: ear
ojo: eye
ojos: eyes
olvide: forgot
olvido: forgot
orina: urine
paciente: patient
pacientes: patients
padre: father, parent
padres: parents
pagar: pay
pago: payment, pay
pagos: payments
papa: dad, father
papeles: papers, paperwork, documents, forms
papeleo: paperwork
parqueo: parking
parto: birth, delivery
pasaporte: passport
pastilla: pill, pills
pastillas: pills
pedir: request, ask
pediatra: pediatrician
pelo: hair
perder: lose, miss
perdi: lost, missed
permiso: leave, permission
persona: person
personal: staff
peso: weight
piel: skin
pierna: leg
pies: feet
piso: floor
plan: plan
plazos: installments, payment plan
poner: give, get
ponen: give
precio: price, cost
precios: prices
pregunta: question
prenatal: prenatal
presion: blood pressure
primera: first
primer: first
privacidad: privacy
privado: private
programa: program
proveedor: provider
prueba: test
pruebas: tests
publico: public
puerta: door
quitar: remove, stop
quitarme: remove
radiografia: x-ray
receta: prescription
recetas: prescriptions
recibir: receive, accept
recibiendo: accepting, taking
recibo: receipt
recoger: pick up
recordatorio: reminder
recordatorios: reminders
reembolso: refund, reimbursement
referencia: referral
registrarme: register, sign up
registros: records
renovar: renew, refill
reprogramar: reschedule
resfriado: cold
resultado: result, results
resultados: results
retraso: late, delay
reunion: meeting
revision: checkup, review
ropa: clothes
rueda: wheel
ruedas: wheelchair
sabado: saturday
sabados: saturdays
sacar: get, book
sala: room
salud: health
sangre: blood
seguro: insurance
semana: week
semanas: weeks
senal: signal
servicio: service
servicios: services
sexual: sexual
sida: hiv, aids
silla: chair
sintomas: symptoms
sitio: site, website
sobrepeso: weight
solicitar: request
solicitud: request, application
sueno: sleep
surtir: fill, refill
tarde: late, afternoon, evening
tardan: take long, how long
tarjeta: card
tarifa: fee, rate
telefono: phone, number
temprano: early
terapia: therapy
tos: cough
trabajo: work, job
traducir: translate, interpreter
traductor: interpreter, translator
traer: bring
transferir: transfer
transporte: transportation, transit
tratamiento: treatment
turno: appointment
ultrasonido: ultrasound
urgencia: urgent, emergency
urgencias: emergency room, urgent care
urgente: urgent
vacuna: vaccine, shot
vacunas: vaccines, shots
vacunar: vaccinate, vaccine
vacunarme: vaccinate, vaccine
vacunacion: vaccination
ver: see
verano: summer
viaje: travel, trip
viajar: travel
viernes: friday
video: video
virtual: virtual
visita: visit
vista: vision, eye
volver: return, again
vuelvan: again
`

// chatEnglish expands the shorthand patients type into the words a
// knowledge base is written in.
var chatEnglish = map[string]string{
	"tmrw": "tomorrow", "tmr": "tomorrow", "tmrow": "tomorrow", "tomorow": "tomorrow", "2morrow": "tomorrow",
	"tonite": "tonight", "nite": "night", "2day": "today", "2nite": "tonight", "b4": "before",
	"appt": "appointment", "appts": "appointments", "apt": "appointment", "dr": "doctor", "drs": "doctors",
	"doc": "doctor", "docs": "doctors", "rx": "prescription", "rxs": "prescriptions", "meds": "medication",
	"med": "medication", "yo": "year old", "yr": "year", "yrs": "years", "mo": "month", "mos": "months",
	"wk": "week", "wks": "weeks", "hr": "hour", "hrs": "hours", "min": "minute", "mins": "minutes",
	"info": "information", "pic": "picture", "pics": "pictures", "msg": "message", "msgs": "messages",
	"txt": "text", "txts": "texts", "ppl": "people", "bday": "birthday", "sched": "schedule",
	"dept": "department", "vax": "vaccine", "vaxx": "vaccine", "pw": "password", "pwd": "password",
	"pharm": "pharmacy", "ins": "insurance", "acct": "account", "addr": "address", "num": "number",
	"ph": "phone", "tel": "phone", "cell": "cell phone", "pt": "patient", "pts": "patients",
	"peds": "pediatrics", "labs": "lab", "hosp": "hospital", "er": "emergency room", "asap": "soon",
	"tho": "though", "thru": "through", "bc": "because", "cuz": "because", "coz": "because",
	"w/o": "without", "wo": "without", "sat": "saturday", "sun": "sunday", "mon": "monday",
	"tues": "tuesday", "tue": "tuesday", "wed": "wednesday", "thurs": "thursday", "thu": "thursday",
	"fri": "friday", "wknd": "weekend", "wkend": "weekend", "np": "nurse practitioner",
	"pa": "physician assistant", "ob": "obstetrician", "gyn": "gynecologist", "pcp": "primary care provider",
}

// chatSpanish expands Spanish chat shorthand.
var chatSpanish = map[string]string{
	"xq": "porque", "pq": "porque", "q": "que", "k": "que", "tb": "tambien", "tmb": "tambien",
	"dr": "doctor", "dra": "doctora", "drs": "doctores", "hrs": "horas", "mna": "manana", "mnn": "manana",
	"xfa": "por favor", "porfa": "por favor", "pls": "por favor", "info": "informacion", "tel": "telefono",
	"cel": "celular", "msj": "mensaje", "msjs": "mensajes", "finde": "fin de semana",
}
