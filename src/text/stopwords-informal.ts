// Function words, question words, auxiliaries and chat formulas of the informal registers write in:
// texting abbreviations, spoken spellings and dialects. Like the lists of stopwords.ts they are dropped before the
// lexicon sees a word, so a word of a concept (synonyms.ts: "combien", "قديش", "скільки", "tel") never belongs here.
// Written as people type them; stopwords.ts folds them and adds the Arabic spellings of a final taa marbuta and alef
// maqsura. One-letter words ("u", "r", "q", "k", "d", "x", "c") need no entry: the tokenizer drops them.
// A few words of the setting join them: the stairs, the corridor and the pavement where a bike or a pushchair stands
// ("escalera", "الدرج", "couloir", "trottoir", "junto a") say where, not what is asked, and through a shared stem they
// read as a climbing wall, a leak, a scooter or a meeting.
// So do everyday words that say nothing of a topic but share a stem with a concept ("bon courage", "faire partie",
// "un collègue", "aparte", "el primer día", "closer", "швидко", "синій", "العطلة", "حوالينا") and the Arabic "they ask
// for" (بيطلبوا) before the papers asked.

// English texting and spoken contractions ("doesn't" splits into "doesn" and "t").
export const EN_INFORMAL = `ur ure youre yr ya yall ye yeah yea yep yup nope nah pls plz plss pleasee thx thnx thanx
thnks tnx tks ty tysm thankyou thanku appreciate appreciated any1 anyl some1 someone somebody ne1 every1 evry1 wanna
gonna gotta gimme lemme kinda sorta dunno hafta needa tryna shoulda coulda woulda outta lotta tho altho though although
bc bcs bcos bcoz becuz cuz coz cos idk idc imo imho afaik iirc ngl tbh btw fyi rn lmk hmu lmao jk omw hii heyy heyyy
hallo hullo howdy sup wassup alright aight wat wot wht whr wher wen hw wut whatcha whaddya doesn don didn isn aren wasn
weren haven hasn hadn couldn wouldn shouldn mustn needn aint youve youll youd theyre theyve weve thats heres hows whos
whys whens hes shes its smth sth smthg abt bout abit ppl peeps everyone
everybody anyone anybody exactly obv obvs ah oh ohh ahh eh uh um umm hmm hmmm mmm without within dm exist exists supposed meant
everything nearly closer asap`;

// English as neighbours from elsewhere write it: the courtesy formulas of Indian and Nigerian English ("kindly
// advise", "abeg", "do the needful", "respected sir"), Nigerian Pidgin's "wetin" (what) and "dey" (is), the Filipino
// "po", "kuya" and "salamat", and the greetings and thanks of their first language that Brazilian, German and Polish
// writers put around an English question ("olá pessoal", "danke", "dziękuję"). They frame the question, never its
// topic. So does the request "kindly share…", "pls share the number", whose verb has the stem of "shared" (the
// common room).
export const EN_WORLD = `kindly advise advice revert needful abeg biko oga una sha po opo salamat namaste ji yaar
bhai ola pessoal obrigado obrigada galera danke bitte zusammen servus dziekuje dzieki czesc
wetin dey wey oya jare sef ehen shey sir maam madam dear respected greetings regards kuya schon schoen
share`;

// French texting and spoken French: abbreviations, elisions written without apostrophe, the auxiliaries and modal
// verbs around a question ("est-ce qu'on pourrait", "il faudrait", "quelqu'un aurait").
export const FR_INFORMAL = `estadire ladessus audessus ladessous audessous labas celleci cellela celuici celuila
ceuxci ceuxla saiton ptit ptite sieur msieur chepa chaipa chaipas ducoup dis qqch qqc qqs qlqn qlqch qq1 qqpart qqchose kelkun kelk1 quelque quelquechose quelquepart
svpl plait mrc mci merki dak dac dacc oki okok ouais ouai wé nan bjr bsr slt cc coucou cest cetait ct jai jsuis jsui
jme jte jle jla jpourrais jvoudrais jaimerais chai jsp jsai jcrois jpense tas tes tavais yen yena yaura nya ny dou
quest questce eske esk keske kesk kan kand kom koman komen pkoi pourkoi pcq pck psk paske pasque parske prcq pke
bcq mm tte ttes vx veut veulent voulez voulons voulait voudriez voudrions fautil faudrait faudra fallait doiton
puisje pourraiton peutetre ptetre aton vaton estelle avezvous auraitil aurait aurais auriez aurions auraient aura
auras aurez avait avais aviez avions avaient ai as avons ont eu serait seraient serais seriez sera seront serons etes
etais sommes pourrait pourrais pourriez pourrions pourraient pourra pourrez pourront pouvons pouvait pu
sauriez saurait saurais sauraient savait savais connaitriez connaitrait connaissait allez allons vont irai iriez
doivent devrait devrais devriez devrions coup enfait bah ben bon beh euh hein voila voilou genre juste sinon mp existe existent esque esce quil quils quon lon dun jen sen jetais javais jaurais
taurais
parait apparemment pouvoir
couloir couloirs trottoir trottoirs courage partie collegue collegues
remercie remercions remerciant remerciements tjs ajd auj ojd
faque tse pantoute icitte asteure mettons coudonc askip chais sah deh walai wallai tchai oklm jpp miskine`;

// Spanish texting, Spain and Latin America: abbreviations, voseo, the formulas of asking a group ("alguien sabe",
// "me podéis decir", "ustedes saben"), and the forms of the verbs that frame a question.
export const ES_INFORMAL = `xq xk pq pk porq porke xke pa pal xa ke qe kien qien kual komo cmo cm dnd dnde dond cnd
cdo kuando kuanto xo pero porfa porfis porfi porfavor xfa xfavor plis pliss tb tbn tmb tmbn tambn tmbien ntp nse
nose nc sq salu2 bss bsos besos grax grcs grs gracia graciaas holis holi ola wenas wena weno bns bn che oiga oigan
oye disculpa disculpen disculpad perdonad perdonen perdona nomas onda osea vos podes tenes queres sabes sabeis saben
sabrias sabriais sabrian sabria conoces conoceis conocen decime decinos deci decidme decirnos diganme digame
fijate podeis podrias podriais podrian pueden puede puedes pueda puedan pudiera podremos hacemos haceis hacen haces
hice hizo hecho hara haria sera seria serian seran haya hayan hubo habra habria tenga tengan tendria tendra tendrian
tenes debemos deberia deberian deberiamos dijo dijeron dicen dices decis dicho menos casi tan tanto tanta
ustedes vosotros vosotras alguien algun alguno alguna algunos algunas algn alguen
gente chicos chicas aca alla aqui ahi aki ahora ya existe existen sta stoy tamos dl xfi xfis cn
anoche jaja jajaja jeje tonta tonto
escalera escaleras aparte primer junto juntos
antemano conmigo contigo pos pus wey guey neta orale chido boludo boluda dale bacan parce parcero parcera
marico mae huevon weon wn po cachai oe bro chamo chama`;

// Arabic of the Levant, Egypt, the Maghreb and the Gulf, and the Modern Standard forms of asking: question words,
// "there is", "any" (the Algerian كاش), "I want", "can I", "please", greetings and thanks, and the particles that say
// "of" (تبع, بتاع, ديال, the Iraqi مال, the Tunisian and Algerian متاع and نتاع), which through a shared stem read as
// the landlord (مالك).
export const AR_INFORMAL = `شلون كيفك كيفكم شلونكم وينكم هيدا هيدي هيدول هوني هونيك عنجد مشان منشان كرمال لانو لأنو إنو
يلي بعدين لهلق هلأ متل مثل زي زاي فيني فينا فيكن بقدر بنقدر منقدر بيقدر بتقدر بقدرش بصير بيصير يصير بيصح يصح المفروض
مفروض بحاجة عم بدو بدها بدهم بدكن بدكم عندك عندكن عندكم كتير كثير كثيرا شوية شويه منيح منيحة مليح كويس كويسة حلو
مرحبتين هاي هلو تحياتي سلام يسلمو يسلموا تسلم تسلمو تسلموا ميرسي بليز سمحتو سمحتوا سمحتم رجاء رجاءا ارجو أرجو الرجاء
يرجى بيعرف بتعرفوا بيعرفوا تعرفوا يعرفوا عارفين حدن صبايا ياشباب اوي أوي خالص بقى حضرتك حضرتكم كاين كاينة كاينين
كاينش مكاينش ماكاينش كاش ديالك ديالكم ديالها ديالو بغا بغيتي بغيتو هنايا تما فاش شكون اشكون علاه كيما بلي غادي
غادية رايحة رايحين نحل راه راني راهي راهم ماشي عافاكم عافاك يخليك يخليكم يجازيك يجازيكم صافي واخا مزيان مزيانة شنوة شنية شنيا برشا
باهي يزي زين وايد ترى لين لدي لديك لدينا لديه لديكم لدى حول خلال ضمن هنالك أية ايا أيا كيفية أود اود أرغب ارغب
احتاج أحتاج نحتاج تحتاج يلزم يلزمني علينا عليك منا منك بها به بهم بي بنا بك لها له لهم معكم معك إيمتى امتي ايمتي
اديه قداش وقتاه قديه استطيع نستطيع يستطيع تستطيع بستطيع ودي نبي نبغى تقدروا تقدرو بتقدروا تقدرون تعرفين انتي هني هنن همه لكل لاي لأي بمن هوما هادشي هادي صح جزيلا الحمد لله ضروري
مبارح إمبارح اكيد أكيد مهم كنتش ماكنتش ملي خاصني خاصنا يمكن غبي سؤال الفل واي وأي عاي عأي الجو الدنيا سمح نخليها نخليهم اخليها اخليهم نخلي اخلي نظف بنظف عم نظف طالع بيمر تفضل
بال يطلبون يطلبوا يطلبو بيطلبوا بيطلبو بيطلبوها بيطلبوهم يطلبونها يطلبوها يبون يبونها يبغون يبغوا الدرج بالدرج
عالدرج الدروج فالدروج عطلة العطلة بالعطلة عطلتي حوالينا حوالين حواليه فاتني اصلا أصلا تعبنا تعبت نيابة
معايا معاها معاهم ووش خاوتي خاوتى مسا بصراحة صراحة الصراحة معلش
فيهن منهن منن معهن عليهن الهن لهن الهم
اكو ماكو شكو منو توني تونا بقت بقيت لاقي لاقيين هواية مال مالت مالتي مالتنا متاع متاعي متاعنا نتاع نتاعي`;

// Arabic written in Latin letters (Arabizi), digits for the letters Latin lacks.
export const ARABIZI = `shu sho shou wein fein feen ezay ezzay izzay emta imta kifash kifach wach chno chnou chkoun
bghit dyal diyal 3andi 3ando 3anna 3andkom bdi baddi baddna fih mafi mafish ana inta enta inti enti ehna e7na yalla
inshallah inchallah insha salam marhaba shukran chukran habibi ahlan wallah ya3ni yaani ba3d hal2 halla2 hala2 keteer
kteer ktir mni7 mnih mezyan bzaf daba dorka delwa2ti dilwa2ti hna hnaya
el bel fel wel lel 3al 3la ma3 m3a fi w ta3 taba3 dyali mta3 nta3 li lli elli illi wla wela walla`;

// Ukrainian as chats write it: colloquial and surzhyk forms, Russian spellings of the function words, particles,
// greetings and politeness formulas.
export const UK_INFORMAL = `шо шоб шоби шось шото штото што чьо шьо коло возле около рядом поблизу неподалік тіпа типа
типу нада надо канєшно конєшно конешно канешно ваще воще вобщем загалом короче карочє коротше ніби наче начебто якось
да нє ага угу ок окей ладно лана добре привіт приветик прівєт привет здрастуйте здравствуйте здрасте спасибі спасибо
пасіба спс дяк дякс пліз плиз плз пж пжлст будьласка будьте прошу прохання скажи порадь підскажіть підкажете
підскажете знаєш знаете мона можете можеш нужно нужна нужен нужні нужны где когда куда откуда почему зачем как
что кто какой какая какое какие ли или есть єсть нету мне меня вы ты мы он она они здесь тута тутай тамка отут ото оце
оцей оця отам уже тоже также только очень чтобы если потому сейчас січас щас шас народ пані панове всем будуть бути
маєте маєш хтонебудь небудь знов досі одразу відразу чим
всього всьому всіма всієї цього цьому цією цими тією тими свого своєму своїй своєї своїм своїми своїх мого моєму моєї
моїй моїм моїх моїми нашого нашому нашої нашій нашим наших нашими вашого вашому вашої вашій вашим ваших вашими їхній
їхня їхнє їхні їхнього їхньої їхнім йому ним ньому нього їй нею неї ній ними тобою когось комусь кимось чогось чомусь
чимось нікого нікому нічим будемо будете будеш буду можу можемо міг могла могли зможу зможе зможемо хоче хочете
хотів хотіла хотіли хотілося має мають мав знаємо знають знав знала знали слід необхідно підказати
підкажете скажете порадите допоможете
хлопці ситуація нормальний нормальна нормальне хоч хоча знаходиться знаходится розташований розташована взагалі відповідають купа купу рю дю ля
швидко нічо почати синій синя синє сині синім синього синьому метрів метри метра водити
коридор коридорі коридору коридорах
скиньте скинь киньте дайте
тіки тіко тока токо мб хз пжл пжлст нзч че чьо оч зара зараз тре тра`;
