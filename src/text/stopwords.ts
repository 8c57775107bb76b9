import { fold } from './fold.js';
import { AR_INFORMAL, ARABIZI, EN_INFORMAL, EN_WORLD, ES_INFORMAL, FR_INFORMAL, UK_INFORMAL } from './stopwords-informal.js';

// Words that carry no topic: function words of the languages we stem, plus chat filler ("hi", "anyone know",
// "please") that turns up around real questions. Kept in folded form (no accents). A word that is a function word in
// one language but a topic word in another ("car" in French and English) is left out on purpose.

const EN = `a about above after again against all am an and any anybody anyone anything are around as at be because been
before being below between both but by can cannot could did do does doing done down during each else even ever every
everyone everybody few for from further get gets getting got had has have having he her here hers him his how i if in
into is it its itself just let lets like me might more most much must my myself near nearby nearest no nor not now of
off often on once one only or other our ours out over own please probably quite rather really same she should so some
somebody someone something somewhere still such than that the their theirs them then there these they this those
through to too under until up us very was we were what whats when whens where wheres which while who whom whose why will
with would you your yours yourself thing things way ok okay hi hello hey thanks thank cheers guys folks people all
know knows anyone anybody tell remind wondering wonder wondered sorry asked ask asking before already again also maybe
idea ideas need needs want wants try trying help figure sure im ive id dont doesnt cant isnt whats wheres theres ll ve
re do does go going let new here lol pls plz thx turn turned turning round`;

const FR = `a afin ai aie aient ait alors au aucun aupres aussi autre autres aux avais avait avant avec avez avoir avons
bah bien bon bonjour bonsoir ca ce ceci cela celle celles celui ces cet cette chaque chez ci comme comment d dans de des
depuis deja donc dont du elle elles en encore es est estce et etaient etait ete etre eu eux faire fait faut il ils
j je jusqu jusque l la le les leur leurs lui m ma mais me meme mes moi mon n ne ni nos notre nous on ont ou par parce pas
peu peut peux plus pour pourquoi pouvez puis qu quand que quel quelle quelles quels qui quoi s sa sans se ses si sil
sont sous soit suis sur t ta te tes toi ton tous tout toute toutes tres tu un une vers voila vos votre vous y atil
yatil estil sontils peuton quelqu quelquun quelqu'un sait savez savoir connait connaissez connaissez-vous connaitre
dire dites merci svp stp salut coucou desole desolee aide besoin cherche cherchais veux voudrais voulais
possible faut-il ici coin proche pres quelquun personne gens tlm monde partir part ya yaura yavait kel kelle kels
kelles koi ki ke keske kesk kes cmt pk pq pkoi pourquoi qd kan tt ts bcp jsp chai chui jpense ptet pti mtn dsl vs ds
pr ac avc qqun qqn qq qlq quelqun`;

// Spanish function words and chat filler. Words that are topic words in English or French ("sin", "son", "car")
// are left out on purpose.
const ES = `el la los las un una unos unas de del al y o u que en con por para como cuando donde quien cual cuanto es
son esta estan este estos esa ese eso esto hay mi mis tu su sus lo le les se me te nos os hola gracias alguien sabe
saben sabeis sabes puedo puede pueden podria donde cuando como muy mas pero ya tambien porque hasta desde sobre entre
hola buenas buenos dias tardes noches vecinos vecinas gente todos todas perdon perdona favor porfa xfa oye saludos
alguno alguna algun algo aqui alli ahi estoy estamos tengo tiene tenemos tienen ser estar hacer hace hago necesito
necesitamos quiero queremos saber decir dice dime decirme sabria alguno cerca otra otro otros vez eh pues bueno
nuevo nueva nuevos acabo acabamos ayuda pregunta tonta jaja jajaja gracias mil`;

// Arabic (folded: no short vowels, bare alef) and its everyday chat words, Levantine and Gulf included.
const AR = `في من على الى إلى عن مع هل ما ماذا متى اين أين وين كيف لماذا كم اي أي او أو ان أن إن هذا هذه ذلك تلك هناك هنا
هون هنيك انا أنا نحن انت أنت هو هي هم لي لنا لك عند عندي عندنا كان كانت يكون بدي بدنا لازم ممكن يمكن شو ايش إيش
مين اللي الذي التي مرحبا مرحباً اهلا أهلا السلام عليكم شكرا شكراً جماعة يا ياجماعة الاخوة الإخوة اسف آسف عفوا
لو سمحت من فضلكم فضلك بس كمان ايضا أيضاً جدا جداً كل بعض اريد أريد نريد احد أحد حدا حد يعرف تعرفون بعرف سؤال
قد لقد ثم حتى منذ بعد قبل وهل فيه فيها لا لم لن ليس و ف ب ل ك ال
يوجد توجد موجود موجودة موجودا وما ومش مش مفيش عنديش غير قريب قريبة اقرب جنب امام عبر بخصوص طبعا انو مني ومن
السوال سوال احصل نحصل يحصل الحصول اعمل نعمل تعمل افعل اسوي نسوي خاص الخاص الخاصة بلدي`;

// Ukrainian function words and chat filler (folded: apostrophes dropped).
const UK = `і й та а але або чи що як де коли хто який яка яке які в у на з із зі до від по за для про при без над під
через біля це цей ця ці той та то там тут є був була було були буде я ми ти ви він вона воно вони мене мені нам нас
вам вас його її їх мій моя моє мої наш наша наше наші ваш ваша свій своя свої себе привіт вітаю добрий день доброго
ранку вечора дякую дуже будь ласка підкажіть підкажи скажіть порадьте хтось знає знаєте хто небудь можна треба
потрібно мені ще вже теж також тільки лише так ні не не вибачте перепрошую питання сусіди всім всі усім друзі ось
подскажіть подскажите пожалуйста пожалуста пожалуста шо чо найти кажуть кого кому десь просто після між отримати
цього цієї цим тому бо якщо щоб хочу хочемо можу може можуть мабуть
поруч поряд недалеко`;


// Dialect function words, question words and chat formulas: Arabic of the Levant, Egypt, the Gulf and the Maghreb;
// Spanish of Spain and Latin America; everyday Ukrainian. Words that are also words of a concept (synonyms.ts) stay
// out: a stop word is dropped before the lexicon sees it.
const AR_DIALECT = `واش وش شنو شنهو شنهي اش ايش ليش ليه علاش فين منين امتى ايمتى امتا وقتاش كيفاش ازاي ازاى كيف
اديش كام ولا ولّا يعني بس برضو برضه برده هيك هيكا كده كدا كدة هاد هادا هادي هذي هاي هدا ده دي دا دول
الي اللي ديال ديالي ديالنا تاع تاعي تاعنا تبع تبعي تبعنا بتاع بتاعة بتاعت بتاعي عند عندو عندها عندهم عنا عنده
معي معنا معها معه معهم معاه معاي معانا الى إلى لـ على علي عليه عليها منه منها منهم بين جوه جوا برا بره قدام ورا
الا إلا لحد لغاية حتى هلق هلا هلأ دلوقتي دلوقت دابا دروك توا الحين هسا هسه هلأ لسه لسا لسع باقي مازال ما زال
يجب ينبغي يمكنني يمكنك يمكننا اقدر أقدر نقدر بقدر تقدر نقدرو ينفع بينفع نفس كلها كله كلهم شي شيء شئ حاجة حاجه
اية ايه إيه ياريت ريت لو اذا إذا انه إنه لان لأن عشان علشان باش بش طيب اوكي تمام يعطيكم العافية عافية جزاكم
خيرا خير مشكورين مشكور شكرا برك بارك ربي انشالله ان شاء الله يرحم والديكم وعليكم صباح الخير مساء النور اهلين
هلا اهلا جميعا الجميع كلكم حدا واحد وحدة اعرف بعرف عارف عارفة تعرفوا تعرفو تعرف يعرف يعرفو بتعرفو حابب حابة
بدي بدنا بدك عايز عايزة عايزين عاوز بغيت بغينا ابغى ابي ابغي نبغي محتاج محتاجة محتاجين ام أم او أو هو هي هم
هما احنا إحنا نحنا حنا انتو انتم اني انا إني كان كنت كانت كنا صار صارت راح رح ح ها هاذا هذاك هذيك ذاك تلك
هذه هذا ذلك فيه فيها فيهم فيك فيكم منكم لكم لينا الينا عليكم`;

const ES_MORE = `soy eres somos sois estoy estas esta estamos estais estan estaba estaban fue fueron era eran he has ha hemos
han habia habra voy vas vamos vais tener tenemos teneis tengo tiene tienen todo toda todos todas mismo misma ya aun
todavia solo tambien tampoco entonces luego despues ahora aca alla asi bien mal si nada nadie cada mucho mucha muchos
muchas poco poca sobre hacia segun mientras aunque pues cual cuales yo tu usted ustedes ellos ellas el ella nosotros
vosotros aquel aquella aquello creo se saber sabeis conoce conocen conoceis pregunto preguntar preguntita duda
dudilla consulta disculpad oigan mira chicos chicas gente alguno alguna algunos algunas ningun ninguno ninguna
cualquier cualquiera quisiera queria podria podriais podrian puedes podemos debo debe deben hace falta tiene que
vale genial super ok okey holi holaaa buenass gracias graciass mil
piden pedir pido pedirlo queda dentro consigo consigue uno verdad`;

const UK_MORE = `ж же б би хіба невже ну от ось доки поки аж саме трохи тепер тоді весь вся все всі своє якийсь
якась якесь якісь хтось щось десь кудись колись нічого ніхто ніде немає нема мати маю має маємо мають можемо можете
хоче хочуть потрібна потрібен потрібні варто зробити робити йти іти піти прийти знаю знає знати знаєте скажіть
підкажіть порадьте допоможіть шановні дякую дякуємо заздалегідь будь ласка вибачте перепрошую питання запитання
мабуть напевно взагалі звісно звичайно зараз щас тут там туди сюди звідси куди звідки чому навіщо котрий котра
котре котрої котрій якому якої якій яким якими ці цих цим цей ця це той та те ті тих тим його її їх їм їй йому нам
нас нами вам вас вами мене мені мною тебе тобі собі собою наш наша наше наші нашого нашої ваш ваша ваше ваші
спочатку щодо додому всередині того чого яких них хоча потім знову крім замість наперед бажано можливо правда далі
мою твій твоя твоє твої твою твого твоєї твоїй твоєму твоїм твоїх твоїми свою нашу вашу їхню їхньому їхніх їхніми
цю цій ту тієї тій яку якого якою чий чия чиє чиї чию чийого чиєї чиїй чиїм чиїх котрі котру котрого котрому котрим
котрих якусь якогось якоїсь якомусь якимось якихось якоюсь деякий деяка деяке деякі деяку деякого деякої деяких
деяким всю всій всією усе усі усю усього усієї усім усіх`;

const INFORMAL = `${EN_INFORMAL} ${EN_WORLD} ${FR_INFORMAL} ${ES_INFORMAL} ${AR_INFORMAL} ${ARABIZI} ${UK_INFORMAL}`;

/**
 * A folded stop word and the other spellings chat gives it: an Arabic word ending in taa marbuta or haa, alef maqsura
 * or yaa is written either way ("كاينة"/"كاينه", "على"/"علي", "عندي"/"عندى").
 */
function spellings(word: string): string[] {
  const folded = fold(word).replace(/['\u02bc]/g, '');
  const out = [folded];
  if (/[\u0629\u0647]$/u.test(folded)) out.push(folded.slice(0, -1) + (folded.endsWith('\u0629') ? '\u0647' : '\u0629'));
  if (/[\u0649\u064a]$/u.test(folded)) out.push(folded.slice(0, -1) + (folded.endsWith('\u0649') ? '\u064a' : '\u0649'));
  return out;
}

export const STOP_WORDS: ReadonlySet<string> = new Set(
  `${EN} ${FR} ${ES} ${AR} ${UK} ${AR_DIALECT} ${ES_MORE} ${UK_MORE} ${INFORMAL}`.split(/\s+/).filter(Boolean).flatMap(spellings),
);

/**
 * Laughter written out, of any length: "hahaha", "jajaja", "jeje", "ахаха", "хахах", "ههههه", and the Brazilian "kkk".
 * Folded forms.
 */
const LAUGHTER = /^(?:[aа]?(?:ha|he|ja|je|xa|ха|хе|хі)+h?х?|ه{3,}|(?:خ){3,})$/u;
const LAUGHTER_K = /^k{3,}$/u;

/** Whether a folded word carries no topic: a stop word or laughter. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word) || (word.length >= 4 && LAUGHTER.test(word)) || LAUGHTER_K.test(word);
}

// Everyday words that rarely carry a question's topic ("old", "take", "trouver", "cher"). They are not dropped —
// "keep" or "cheap" can matter — but weigh little, so a question is judged by its topic words. Folded forms.
const WEAK_EN = `yo yrs starts january february march april june july august september october november december
advance france service services deal mine yours ours theirs love loved lovely start started starting far end ending
thinking think thought late early till whoever whatever many actual actually sign home won wont wich hrs ppl guessing
says said counts enough none fresh welcome group busy fast cute missed missing return take taking took put putting
leave leaving keep keeping find finding found look looking come coming came go goes went make making made give gave
use using see saw say said told want old good best better bad big small little great long last next first way place
day days thing stuff area local today tomorrow yesterday week weekend month year always never usually cheap expensive
nice lot lots bit arrived arrive live living stay happen happened able right left real whole actually anyway family
friend friends man woman mum dad parents two three four summer winter morning evening afternoon outside inside somewhere
anywhere nearby closest around town city street right now just yet ago since soon later again call tell recommend
recommendation should must got get let kind sort provide provides provided general
collective past lock carrement apparently currently waiting twice couple step knocked carry away takes
person message grab killing answering indoors lights hallway door stick stir hunting nogo online
procedure process required requirement shifted replacing replace replaced comes disturbing monthly weekly
commuting commute uni`;

const WEAK_FR = `utiliser utilise maison ans annees commence commencer commencent janvier fevrier mars avril mai juin
juillet aout septembre octobre novembre decembre avance viennent complets complet piste rater souci soucis probleme
problemes demande demander questions genre bref tkt ptn wesh frr parfois vite falloir pourriez pourrais prochaine
prochaines prochains ancien ancienne anciens completement cote france dois doit devons devez doivent loin devant
derriere enfin mien mienne tien sien ailleurs lequel laquelle lesquels lesquelles font voudrait voudrais aimerait
aimerais exactement pendant ceux celles soi pris prise tjrs toujours mme mr madame monsieur mat pro bete idees idee
belle beau beaux journee midi minuit vrai accord prefere suppose essaye recu nom tourne rond prendre prend mettre met
laisser garder trouver trouve chercher venir viens vient aller va vais faire fais donner voir vu dire vieux vieille
vieil bon bonne meilleur mauvais grand grande petit petite nouveau nouveaux nouvelle nouvelles dernier derniere
prochain premier temps fois jour jours endroit chose truc aujourd hui demain hier semaine mois an annee toujours
jamais souvent cher chere trop beaucoup vraiment famille ami amis amie parents matin soir dehors dedans emmener
arriver arrive habiter rester appeler prevenir quartier rue ville conseiller conseil recommander sais savoir connait
apres change parle parler vivre rien maintenant semaines heureci ose monte traverse periode compliquee
infiniment etranger etrangere afficher attache partage sors sortez sortons sortent
aprem apres-midi apresmidi dispo dispos disponible disponibles propre propres traine appli collectif collective pompe
reste restes restent restait restee restees chum blonde mets monter soirs tard genant genante difficile difficiles
discretion enorme certains certaines seulement direct recevoir special speciale attacher`;

const WEAK_ES = `usar uso utilizar enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre
noviembre diciembre antelacion lleven llevan copia bastante cosa cosas duda dudas tb tmb xq francia sea dejo fuera mio
mia mios mias claro debajo saberlo novio novia suegros suegra suegro hermana hermano cunada cunado madre padre
prefiero entiendo encuentro encontrado estuve sabemos acaba mundo nuestra nuestro proxima proximo igual senora senor
necesita encantaria tomar llevar dejar poner encontrar buscar venir ir voy va hacer dar ver viejo vieja viejos bueno
buena mejor malo grande pequeño pequeña nuevo dia semana mes año siempre nunca barrio calle ciudad casa hoy mañana
ayer finde familia amigo amigos peques niño trabajar trabajo tarde barato barata baratos llega llegan viene vienen
pasando momento mala racha caido lista dan atencion fin lado llevo vino pregunte ayuden dejen persona suele tardar dejaron pedi
busco quiere quieren antes llegar llego llegamos anos lunes martes miercoles jueves viernes cuenta
quedo quedaron sobraron sobro sacar dificil semanas tenia vacia vacias vacio vacios llena lleno llenas llenos
cercano cercana cercanos cercanas temprano enfrente empiezan empieza enojen enoje pegar`;

const WEAK_AR = `اغراض أغراض يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر كانون شباط
اذار نيسان ايار حزيران تموز اب ايلول تشرين بحزيران مسبقا حوالي حوالى تقريبا استخدام استعمال شوي شويه حاليا مرسي يخليكم
بسأل استفسار حط بحط نحط يحط محل فرنسا بفرنسا جاي جاية جايين لقيت وقت بدون بالمنطقة المنطقة صغيرة صغير اخد اخدت وشو وفي
بحكي احكي عم حديثا يقع مباشرة مباشره المطلوبة المطلوبه بفكر اجيب استطيع الخاصة الخاصه اخذ وضع ترك لقي القى اجد أجد يجي
روح اروح اعمل عمل شوف جديد قديم قديمه كبير صغير يوم اسبوع الاسبوع شهر دايما الحي الشارع المدينه البيت اليوم بكره
بكرا بكرى غدوة غدوا العشية لعشية الصباح فالصباح الصبح فالصبح
امبارح عيله اصحاب نهار النهار الصبح الضهر الظهر المسا الماضي الجاي الجاية الجديد الجديدة جديدة قديمة القديمة مرة سنين
سنوات يومين ايام الشهر بالضبط مرتين عادي لحالي اختي اخوي البلد امي بتحكي حكيت نحكي عاملين فايدة الخطوة بمناسبة عني تكون اسمه خطير اجنبي مدام اول اخر تاني التاني تانية الدور دور
بالكون البالكون فالبالكون عالبالكون بلكون البلكون
رايح رايحين ندير نديرو تدير يدير كندير كيدير نديرلو بنزل ننزل ينزل نزلت
سيمانة السيمانة حالة الحالة صعيبة لوكال اللوكال
جا جات جاتني جاني اجاني نمشي نطلع اطلع بطلع تطلع نلقى نلقاه الاقي نحب بحب بتحب فهمت شهرين جوج الويكند الويكاند ويكند
ويكاند البارحة بكير بسرعة ابدا احسن كامل طريقة المشكلة مشكلة الناس ليا مو الان كلشي الحمدلله
مقدما النظام نظام بتعدي بيعدي يعدي تعدي ناخد ناخدو باخد ناخذ الخضرة خضرة
رجع رجعت ارجع نرجع يرجع ترجع برجع
عبي اعبي بعبي نعبي يعبي تعبي عبيت
الحقوني الحقونا الحقوا الحقني`;

const WEAK_UK = `січень січня лютий лютого березень березня квітень квітня травень травня червень червня липень липня
серпень серпня вересень вересня жовтень жовтня листопад листопада грудень грудня наперед виставити виставляти перед
велику великий велика великі окремо годинку нагадайте нагадати вічно плутаю питає питають входить плз шоб інколи іноді
багато кожен кожного кожну інший інша інше ранок хвилин питаю франції франція францію найближчий найближча найближче
найближчі районі району хорошого хороший хороша добрий нових нові нового беруть бере учора всіх всієї нашому нашій наш
наша найкращий найкраща людей люди наступного наступний наступна батьки приблизно часу шукає шукать точно такий така
взяти брати залишити поставити знайти шукати прийти йти іти зробити дати бачити старий стара старого новий нова старої
старий старе старі старого старих старою великий малий день тиждень місяць завжди ніколи район вулиця місто дім вдома
сьогодні завтра вчора сімя друг друзі років днів дні дня днях вечір ввечері вдень зранку звечора щоночі вихідні
раз три краще тижня стару старим приїдуть ходила міняється другої вихідних кінці місяця вулиці новенька привітик
дурне доньці мамами сімей брала зайняті двічі говорити сидіти нормально час понеділок вівторок середу четвер тримати
роботою роботи мало лист черга черги чергу черзі сьодні сьоні сьогодня
такі таку такого такої такому таким такими таких кожна кожне кожний кожному кожній кожним кожних інші іншу іншого
іншої іншій іншому іншим інших іншими сама самі самого самої саму самій самому самим самих жоден жодна жодне жодного
жодної жодних ніякий ніяка ніяке ніякі ніякого ніякої ніяких`;


// The countries and cities Arabic speakers in France come from, visit or send things to ("رجعت من لبنان", "بعت
// للجزاير"): where the asker is from, never the topic, and read through a stem they become other words (لبنان → لبن,
// milk).
// "خلص" is to pay in the Maghreb and to finish in the Levant ("شكون يخلص", "نخلص بالكارط", "خلصنا"); only its
// form with ت ("اتخلص", "بتخلص من") is to get rid of, yet the two share a stem. Its plain forms weigh as everyday
// words.
const AR_KHALLAS = `خلص خلصو نخلص نخلصو يخلص يخلصو يخلصوا يخلصون كنخلص كنخلصو كيخلص كيخلصو كتخلص بنخلص بيخلص بيخلصوا
منخلص تخلصو`;

// "طلب" is a request or an application ("طلب مساعدة السكن"), yet Snowball gives it the stem of "طلبية" (an order, a
// parcel): the noun weighs as the everyday word it is.
const AR_REQUEST = `طلب الطلب طلبات الطلبات بطلب`;

const AR_PLACES = `لبنان سوريا سورية سوريه الشام المغرب مغرب الجزائر الجزاير جزاير الدزاير دزاير تونس مصر العراق عراق
السودان ليبيا فلسطين الاردن اليمن السعودية السعوديه الخليج بلجيكا اسبانيا ايطاليا المانيا تركيا باريس ليون مرسيليا
بيروت دمشق القاهرة القاهره بغداد الرباط وهران`;

// Small talk around a question in neighbourhood chats: family, arrival, feelings, time of day, floors, apologies. Weak
// rather than dropped, so a question made only of them still has words; they weigh little beside its topic.
const SMALL_TALK = `daronne daron darons reum mec meuf pote potes taf boulot bosse bosser taffer dodo sem jsuis chuis
jsais jpeux jveux ouf grave wsh frero frerot kiffe galere relou chelou zarbi mate mates bloke lads missus hubby kiddo
ta tio tia colega curro currar chaval chavala чел чувак батя мамка шо جماعة الجماعة شباب الشباب خوي صاحبي حبايب hiya
heya yo morning evening night lol haha hahaha omg ugh oops argh sigh smth sth btw fyi tbh idk asap finally actually
literally basically honestly seriously clue dumb silly stupid question quick random bother bothering disturb apologies
excuse struggling struggle stressed worried panic urgent asap landed arrived arriving moved moving settled settling
recently lately cousin husband wife partner boyfriend girlfriend baby babies toddler little one ones son daughter mum
mom dad sick ill fever cold hot tired happy sad crazy weird floor floors storey upstairs downstairs above below first
second third fourth fifth 1st 2nd 3rd 4th 5th month months weeks year years ago yesterday tonight already every
everyday again still never ever anymore overflowing full empty coucou bjr slt cc hello re bisous mdr ptdr lol svp stp
merci petite petit question nouvelle nouveau arrivee arrivante arrive arrives crois pense sais rate desole desolee
deranger secours aidez mari femme copain copine cousin cousine bebe loulou loulous fils fille enfant malade fievre
etage etages premier deuxieme troisieme quatrieme 1er 2e 3e 4e dessus dessous haut bas hier demain matin soir semaine
mois annee adore aime super genial trop vraiment franchement buenas holaa jeje jaja perdon perdona disculpa disculpen
ayuda urgente primera primero segundo tercero cuarto piso planta arriba abajo marido mujer esposo esposa primo prima
bebe enfermo fiebre ayer manana semana mes ano vez veces جيران الجيران جداد جديد وصلت وصلنا وصل البارح امبارح امس بكره
النهارده اليوم صار صارت مليان مليانة بعرف ما بعرف عارف عارفه منيح كتير بزاف شي شنو واش ديال فين كيفاش علاش ساعدوني
ساعدني جوزي مرتي زوجي زوجتي ابني بنتي اخوي سخن مريض الطابق طابق الاول الثاني الثالث الرابع فوق تحت فوقي صباح مسا مساء
привіт вітаю будь ласка дякую вибачте перепрошую допоможіть терміново чоловік дружина син донька мама тато дитина
малий мала хворий температура поверх поверху поверсі перший другий третій четвертий зверху знизу вчора завтра сьогодні
тиждень місяць рік вже ще щойно нещодавно недавно переїхали переїхав приїхали приїхав
mere pere soeur frere mamie papi mother father sister brother grandma granny grandad guy war fortune slm khouya khasni
envie compris horrible awful terrible nothing vide vides temperature uk england angleterre
otite grippe angine gastro rhume complet complets completes
صعب صعبة خلصنا خلصت سلفا بالظبط ورحمة وبركاته عايلة عائلة العائلة العايلة للعائلات للعايلات عائلتي عيلتي يقدروا يقدرو
اجيبها اجيبه نجيب نجيبها بيها дівчата дівчатка соромно питати спитати двоє обоє троє живе сам сама станеться спосіб
постійно плутаюсь міняємо здоровенний величезний величезна казали сказали зрозуміла зрозумів прибирали назбиралась
назбиралось два тижні приїде вийшов вийшла внизу таке проїхав лишити باقية الباقي الباقية الحومة حومة ضيق كيتشكاو يتشكاو
dos cuatro cinco rato ratito verme vernos verguenza medias normal pasame
${AR_PLACES} ${AR_KHALLAS} ${AR_REQUEST}`;

/** The everyday words, each in every spelling chat gives it ("بكره" and "بكرة", tomorrow), as the stop words are. */
export const WEAK_WORDS: ReadonlySet<string> = new Set(
  `${WEAK_EN} ${WEAK_FR} ${WEAK_ES} ${WEAK_AR} ${WEAK_UK} ${SMALL_TALK}`.split(/\s+/).filter(Boolean).flatMap(spellings),
);
