// Subjects next to a FAQ's topics that its entries do not answer, in the five languages: the object a resident asks
// about beside the one an entry covers (a mirror or a light bulb beside glass bottles, the router beside the wifi
// password, a duplicate key beside being locked out, a stolen bike beside the bike room, the school canteen beside
// enrolment), and the services and shops people look for around them (a tow pound, a removal company, a butcher).
// Each group is a topic no entry has: a question that names one is about something else than the entry that shares
// its other words, so the matcher counts the word fully against answering (see OTHER_TOPICS in synonyms.ts). They
// come before the lists of things behind each topic (topics.ts), whose broader words would otherwise fold them into
// an entry's concept.
export const NEAR_TOPICS: Record<string, string[]> = {
  // What goes in no glass bank: mirrors, window panes, drinking glasses, crockery, light bulbs.
  mirror: ['mirror', 'mirrors', 'miroir', 'miroirs', 'espejo', 'espejos', 'مراية', 'المراية', 'مراية مكسورة', 'مرآة',
    'المرآة', 'مرايا', 'дзеркало', 'дзеркала', 'дзеркал'],
  pane: ['window pane', 'windowpane', 'vitre', 'vitres', 'carreau', 'vitrage', 'cristal de ventana',
    'vidrio de ventana', 'بلور الشباك', 'زجاج الشباك', 'шибка', 'шибку', 'віконне скло'],
  crockery: ['crockery', 'porcelain', 'ceramic', 'ceramics', 'vaisselle', 'porcelaine', 'ceramique', 'vajilla',
    'porcelana', 'ceramica', 'صحون', 'الصحون', 'سيراميك', 'بورسلان', 'посуд', 'тарілки', 'кераміка', 'фарфор'],
  bulb: ['light bulb', 'light bulbs', 'lightbulb', 'lightbulbs', 'ampoule', 'ampoules', 'neon', 'bombilla', 'bombillas',
    'foco', 'focos', 'لمبة', 'لمبات', 'اللمبة', 'لامبة', 'лампочка', 'лампочки', 'лампочку'],
  // The wifi's equipment and speed, not its password.
  router: ['router', 'routers', 'modem', 'routeur', 'box internet', 'la box', 'livebox', 'freebox', 'bbox',
    'modem wifi', 'enrutador', 'راوتر', 'الراوتر', 'روتر', 'الروتر', 'مودم', 'роутер', 'роутера', 'модем',
    'маршрутизатор'],
  // A vehicle taken away, not parked.
  towing: ['towed', 'tow', 'towing', 'tow truck', 'impound', 'fourriere', 'depanneuse', 'grua', 'la grua',
    'corralon', 'deposito municipal', 'ونش', 'الونش', 'الفوريار', 'فوريار', 'الفوريير', 'فوريير', 'لافوريير',
    'سحبوا السيارة', 'انسحبت السيارة', 'سيارتي انسحبت', 'евакуатор', 'евакуатором',
    'штрафмайданчик', 'штрафний майданчик'],
  // The school canteen and after-school care, not enrolment.
  canteen: ['canteen', 'school meals', 'school lunch', 'dinner money', 'cantine', 'la cantine', 'periscolaire',
    'comedor escolar', 'comedor', 'كانتين', 'الكانتين', 'مطعم المدرسة', 'المطعم المدرسي', 'їдальня',
    'їдальні', 'шкільне харчування', 'продовжка', 'група продовженого дня'],
  // Theft and cameras, not where a thing is kept.
  theft: ['stolen', 'stole', 'steal', 'theft', 'thief', 'thieves', 'burglary', 'burgled', 'vole', 'volee', 'voles',
    'vol de', 'voleur', 'voleurs', 'cambriolage', 'cambriole', 'robaron', 'robado', 'robada', 'سرقة', 'سرقوا', 'سرقو',
    'تسرقات', 'تسرق', 'تسرقت', 'انسرق', 'انسرقت', 'مسروق', 'مسروقة', 'вкрали', 'крадіжка', 'крадіжку', 'злодій',
    'злодії', 'поцупили'],
  cctv: ['cctv', 'camera', 'cameras', 'security camera', 'videosurveillance', 'video surveillance', 'camaras',
    'camara de seguridad', 'كاميرا', 'كاميرات', 'الكاميرات', 'камера', 'камери', 'відеоспостереження'],
  // A key found, copied or on a key ring, not a resident locked out.
  keycut: ['key cutting', 'key cutter', 'cut a key', 'duplicate key', 'spare key cut', 'copy of my key',
    'double de cle', 'double des cles', 'faire un double', 'refaire une cle', 'copia de la llave', 'copia de llave',
    'duplicado de llave', 'hacer una copia', 'نسخة مفتاح', 'نسخة من المفتاح', 'دوبل', 'дублікат ключа', 'дублікат',
    'виготовлення ключів', 'зробити ключ'],
  keyring: ['keyring', 'key ring', 'keychain', 'porte cles', 'porte-cles', 'llavero', 'ميدالية', 'علاقة مفاتيح',
    'брелок', 'брелком', 'брелоком', 'брелка'],
  found: ['has anyone found', 'anyone found', 'حدا لقى', 'مين لقى', 'شي حد لقى', 'حد لقى', 'encontro', 'encontraron',
    'lost and found', 'objets trouves', 'objetos perdidos', 'знайшов', 'знайшла', 'знайшли', 'бюро знахідок',
    'has anyone seen', 'anyone seen', 'someone took it', 'quelqu un a vu', 'quelqu un l a pris',
    'quelqu un l a recupere', 'alguien ha visto', 'alguien vio', 'alguien se lo llevo', 'حدا شاف', 'شي حد شاف',
    'хтось бачив', 'хтось бачила', 'хтось забрав'],
  // Getting vehicle papers made, not the parking permit or the town hall's identity cards. The document itself
  // ("carte grise", "техпаспорт") is what the permit entry's answer asks for, so only the plural of the papers that an
  // office issues and the act of registering a vehicle are here.
  registration: ['cartes grises', 'matriculacion', 'matricular el coche', 'immatriculer'],
  // Market stalls and the food shops people look for, not the market's days.
  stall: ['stall', 'un stand', 'avoir un stand', 'tenir un stand', 'exposant', 'exposer', 'puesto de venta',
    'tener un puesto', 'بسطة', 'ستاند', 'نصبة', 'ятка', 'прилавок', 'as a seller', 'sell my stuff', 'sell our stuff',
    'comme vendeur', 'vendre mes affaires', 'como vendedor', 'vender mis cosas', 'كبائع', 'كبايع', 'كبياع',
    'продати свої речі', 'продати речі', 'місце на ринку', 'продавати свої', 'продавати на ринку'],
  butcher: ['butcher', 'butchers', 'halal', 'boucherie', 'boucher', 'carniceria', 'carnicero', 'جزار', 'الجزار',
    'ملحمة', 'حلال', 'لحم حلال', 'لحمة حلال', 'мясник', "м'ясник", 'мʼясник', "м'ясна лавка", 'халяль'],
  fish: ['fishmonger', 'fish', 'poissonnerie', 'poissonnier', 'poisson', 'pescaderia', 'pescado', 'سمك', 'السمك',
    'سماك', 'риба', 'рибу', 'рибний'],
  // Medicines and tests, not which pharmacy is on duty.
  medicine: ['covid', 'covid test', 'pcr', 'antigen', 'antibiotic', 'antibiotics', 'antibiotique', 'antibiotiques',
    'antibiotico', 'antibioticos', 'مضاد حيوي', 'مضادات حيوية', 'انتيبيوتيك', 'антибіотик', 'антибіотики',
    'антибіотиків', 'ковід', 'тест на ковід'],
  // The co-owners' assembly, not the residents' meetings in the common room.
  coowners: ['co-owners', 'coowners', 'general assembly', 'general meeting', 'agm', 'copropriete', 'coproprietaires',
    'assemblee generale', 'copropietarios', 'asamblea', 'asamblea general', 'comunidad de propietarios',
    'الجمعية العامة', 'الملاك', 'співвласники', 'співвласників', 'загальні збори'],
  // Removal firms, not the parking space for the moving van.
  removals: ['removal company', 'removals', 'removal firm', 'movers', 'demenageurs', 'demenageur',
    'entreprise de demenagement', 'empresa de mudanzas', 'mudanceros', 'شركة نقل', 'شركة نقل عفش', 'عمال نقل',
    'перевізник', 'вантажники', 'вантажників', 'شركة demenagement', 'شركة ديميناجمو', 'شركات نقل',
    'societe de demenagement', 'compagnie de demenagement', 'moving company', 'компанія з переїзду',
    'фірма з переїзду'],
  // Fences and gates around a place, not where it is.
  fence: ['fence', 'fenced', 'fenced in', 'cloture', 'cloturee', 'valla', 'vallado', 'vallada', 'سياج',
    'مسور', 'سور', 'паркан', 'огорожа', 'огороджений', 'огороджена'],
  // Works in the street, not noise or DIY at home.
  roadworks: ['roadworks', 'road works', 'jackhammer', 'pneumatic drill', 'marteau piqueur', 'travaux de voirie',
    'martillo neumatico', 'obras en la calle', 'حفريات', 'اشغال الطريق', 'дорожні роботи', 'відбійний молоток',
    'ремонт дороги'],
  // An extra charge, not the price list ("supplement" is not the energy supplier).
  surcharge: ['surcharge', 'supplement', 'extra charge', 'extra fee', 'majoration', 'suplemento',
    'recargo', 'كيزيدو', 'يزيدو', 'بيزيدو', 'رسوم اضافية', 'زيادة في الثمن', 'доплата', 'доплату', 'надбавка',
    'algo extra', 'cobran extra', 'cobra extra'],
  // Following a parcel online, not where to pick it up.
  tracking: ['tracking', 'tracking number', 'numero de suivi', 'suivi du colis', 'suivi de colis',
    'numero de seguimiento', 'seguimiento', 'رقم التتبع', 'تتبع الطرد', 'трекінг', 'трек номер', 'трек-номер',
    'відстеження'],
  // A tenancy's money and disputes, not the building's rules.
  deposit: ['security deposit', 'rent deposit', 'deposit back', 'damage deposit', 'my deposit', 'the deposit',
    'depot de garantie', 'caution', 'fianza', 'deposito de garantia', 'التامين', 'تامين الشقة', 'العربون', 'застава',
    'заставу', 'депозит'],
  legal: ['lawyer', 'solicitor', 'legal aid', 'tribunal', 'avocat', 'aide juridique', 'abogado', 'abogada',
    'asesoria juridica', 'محامي', 'محامية', 'مساعدة قانونية', 'адвокат', 'юрист', 'юридична допомога', 'суд'],
  // The entrance's equipment, not the keys or the building manager.
  intercom: ['intercom', 'buzzer', 'doorbell', 'door entry', 'interphone', 'digicode', 'sonnette', 'portero automatico',
    'telefonillo', 'timbre de la puerta', 'انترفون', 'الانترفون', 'جرس الباب', 'домофон', 'домофона',
    'дзвінок у двері'],
  smoke: ['smoke alarm', 'smoke detector', 'detecteur de fumee', 'detector de humo', 'كاشف الدخان', 'كاشف دخان',
    'датчик диму', 'пожежний датчик'],
  // The flat's owner, who pays for what in a tenancy, not the building manager who takes reports.
  landlord: ['landlord', 'landlady', 'owner of the flat', 'proprio', 'proprietaire', 'bailleur prive', 'casero',
    'casera', 'dueno', 'dueno del piso', 'propietario', 'arrendador', 'المالك', 'مالك', 'صاحب البيت', 'صاحب الشقة',
    'власник', 'власника', 'власником', 'хазяїн', 'хазяйка', 'орендодавець'],
  // A machine's filter, not a leak ("filtración") or the laundry's opening hours.
  filter: ['filter', 'filters', 'lint', 'filtre', 'filtres', 'filtro', 'filtros', 'فلتر', 'الفلتر', 'فلاتر', 'фільтр',
    'фільтри', 'фільтра'],
  // Giving time, not using the place.
  volunteer: ['volunteer', 'volunteers', 'volunteering', 'benevole', 'benevoles', 'benevolat', 'voluntario',
    'voluntarios', 'voluntaria', 'voluntariado', 'متطوع', 'متطوعين', 'تطوع', 'التطوع', 'волонтер', 'волонтери',
    'волонтерство', 'волонтерити'],
  // Trains, planes and their stations, not the local bus and tram.
  train: ['train', 'trains', 'sncf', 'tgv', 'tren', 'trenes', 'renfe', 'قطار', 'القطار', 'ترين', 'поїзд', 'потяг',
    'електричка'],
  airport: ['airport', 'aeroport', 'aeropuerto', 'مطار', 'المطار', 'аеропорт', 'аеропорту'],
  compost: ['compost', 'composting', 'composteur', 'compostage', 'compostaje', 'compostera', 'كومبوست', 'سماد',
    'компост', 'компостер'],
  // Help with homework, not the French classes for adults or school enrolment.
  tutoring: ['tutoring', 'tutor', 'homework help', 'soutien scolaire', 'aide aux devoirs', 'cours particuliers',
    'apoyo escolar', 'clases particulares', 'profesor particular', 'دروس خصوصية', 'دروس تقوية', 'استاذ خصوصي',
    'репетитор', 'репетитора', 'допомога з домашнім'],
  // A fine, not a parking permit or a ticket for the tram.
  fine: ['parking fine', 'parking ticket', 'the fine', 'pay the fine', 'amende', 'amendes', 'contravention',
    'un pv', 'multa', 'multas', 'مخالفة', 'مخالفات', 'غرامة', 'غرامات', 'штраф', 'штрафу', 'штрафи',
    'got a fine', 'fined', 'ticket inspector', 'ticket inspectors', 'controleur', 'controleurs', 'revisor', 'revisores',
    'контролер', 'контролери'],
  mechanic: ['mechanic', 'garage mechanic', 'car repair', 'mecanicien', 'mecanico', 'taller mecanico',
    'ميكانيكي', 'ميكانيك', 'механік', 'автосервіс'],
  fuel: ['petrol station', 'gas station', 'petrol', 'station essence', 'station service', 'gasolinera', 'gasolina',
    'محطة بنزين', 'بنزين', 'заправка', 'заправку', 'бензин'],
  // Doctors other than a GP.
  specialist: ['specialist', 'paediatrician', 'pediatrician', 'gynaecologist', 'gynecologist', 'dermatologist',
    'psychologist', 'psychiatrist', 'ophthalmologist', 'optician', 'pediatre', 'gynecologue', 'gyneco',
    'dermatologue', 'psychologue', 'psy', 'ophtalmo', 'ophtalmologue', 'opticien', 'pediatra',
    'ginecologo', 'dermatologo', 'psicologo', 'psiquiatra', 'oftalmologo', 'oculista', 'اخصائي', 'طبيب اطفال',
    'طبيب نسائية', 'طبيب جلدية', 'طبيب نفسي', 'طبيب عيون', 'спеціаліст', 'педіатр', 'педіатра', 'гінеколог',
    'гінеколога', 'дерматолог', 'психолог', 'психолога', 'окуліст', 'окуліста'],
  // A doctor who comes to the home.
  housecall: ['sos medecins', 'house call', 'home visit', 'visite a domicile', 'medecin a domicile',
    'medico a domicilio', 'طبيب للبيت', 'زيارة منزلية', 'виклик лікаря додому', 'лікар додому'],
  drycleaning: ['dry cleaning', 'tintoreria', 'دراي كلين', 'تنظيف جاف', 'хімчистка',
    'хімчистку'],
  schoolholidays: ['school holidays', 'half term', 'vacances scolaires', 'centre aere', 'vacaciones escolares',
    'campamento de verano', 'العطلة المدرسية', 'عطلة المدارس', 'канікули', 'канікул', 'табір'],
  puncture: ['puncture', 'flat tyre', 'flat tire', 'crevaison', 'pinchazo', 'pinchada', 'بنشر', 'بنشرت',
    'прокол', 'спустило колесо'],
  screen: ['cracked screen', 'screen repair', 'ecran casse', 'pantalla rota', 'شاشة مكسورة', 'تصليح الشاشة',
    'розбитий екран', 'ремонт телефону'],
  poison: ['poison control', 'poison centre', 'poison center', 'centre antipoison', 'antipoison', 'toxicologia',
    'informacion toxicologica', 'مركز السموم', 'تسمم', 'токсикологічний центр', 'отруєння'],
  // Changing a lock, not being locked out.
  lockchange: ['change the lock', 'change the locks', 'new lock', 'changer la serrure', 'changer les serrures',
    'cambiar la cerradura', 'cambiar el cerrojo', 'تغيير القفل', 'نغير القفل', 'غير القفل', 'поміняти замок',
    'змінити замок', 'новий замок'],
  dish: ['satellite dish', 'antenna', 'aerial', 'parabole', 'antenne', 'antena', 'antena parabolica', 'ستالايت',
    'صحن لاقط', 'антена', 'антену', 'супутникова тарілка'],
  carwash: ['car wash', 'lavage auto', 'station de lavage', 'lavado de coches', 'lavado de autos', 'autolavado',
    'lavadero de coches', 'غسيل سيارات', 'مغسلة سيارات', 'автомийка', 'автомийку'],
  // Shared city bikes and bike repairs, not the bike room.
  bikeshare: ['bike share', 'bike sharing', 'city bikes', 'velib', 'velo en libre service', 'bicing', 'bicimad',
    'ecobici', 'دراجات مشتركة', 'велопрокат', 'прокат велосипедів'],
  bikerepair: ['bike repair', 'bike shop', 'bike workshop', 'atelier velo', 'velociste', 'reparer mon velo',
    'taller de bicis', 'taller de bicicletas', 'arreglar la bici', 'تصليح البسكليت', 'تصليح الدراجة', 'веломайстерня',
    'ремонт велосипеда'],
  ironing: ['ironing', 'iron my', 'repassage', 'repasser', 'planchar', 'plancha', 'كوي', 'مكواة', 'прасування',
    'прасувати', 'праска'],
  // Someone to look after a pet, not whether pets are allowed.
  petsitting: ['dog walker', 'dog walking', 'pet sitter', 'petsitter', 'pet sitting', 'promeneur de chiens',
    'garde d animaux', 'garder mon chien', 'garder mon chat', 'paseador de perros', 'cuidador de mascotas',
    'cuidar a mi perro', 'يمشي الكلب', 'حد يدير بالو على الكلب', 'вигул собак', 'вигулювати собаку', 'догситер',
    'доглянути кота'],
  accessibility: ['wheelchair', 'wheelchairs', 'disabled access', 'step free', 'fauteuil roulant', 'pmr',
    'acces handicape', 'silla de ruedas', 'accesibilidad', 'كرسي متحرك', 'كرسي مدولب', 'ذوي الاعاقة',
    'інвалідний візок', 'інвалідністю'],
  drivingschool: ['driving school', 'driving lessons', 'auto ecole', 'auto-ecole', 'autoescuela', 'clases de manejo',
    'مدرسة سياقة', 'اوطو ايكول', 'автошкола', 'автошколу'],
  sportsground: ['basketball', 'basketball court', 'football pitch', 'skatepark', 'skate park', 'table tennis',
    'ping pong', 'terrain de basket', 'city stade', 'baloncesto', 'cancha', 'pista de skate', 'كرة السلة', 'ملعب',
    'баскетбол', 'скейтпарк', 'майданчик для футболу'],
  // Pumps and tools to borrow, not where bikes are kept.
  pump: ['bike pump', 'air pump', 'pump', 'pompe a velo', 'bomba de aire', 'bomba para bici', 'inflador',
    'منفاخ', 'نفاخ', 'насос', 'насоса'],
  smoking: ['smoking', 'cigarette', 'cigarettes', 'cigs', 'vaping', 'fumer', 'fumeur', 'fumeurs', 'clope',
    'clopes', 'fumar', 'fuman', 'tabaco', 'cigarro', 'cigarrillo', 'التدخين', 'تدخين', 'يدخن', 'سجاير', 'سجائر',
    'куріння', 'курити', 'курять', 'палити', 'цигарки'],
  // A bin's lid or a replacement bin, not the collection days.
  lid: ['lid', 'lids', 'bin lid', 'couvercle', 'couvercles', 'tapa del contenedor', 'tapa del cubo', 'غطا', 'غطاها',
    'غطاء', 'кришка', 'кришку', 'кришки'],
  poultry: ['chickens', 'chicken coop', 'hens', 'poules', 'poulailler', 'gallinas', 'gallinero', 'دجاج', 'جاج',
    'кури', 'курей', 'курник'],
  // Clubs and teams for children and adults, not the playground.
  sportclub: ['club de foot', 'football club', 'sports club', 'club de sport', 'club sportif', 'club deportivo',
    'escuela de futbol', 'نادي رياضي', 'نادي كرة', 'спортивна секція', 'секція', 'секцію', 'гурток', 'гуртки'],
  // When the shared heating starts for the winter and its yearly servicing, not a repair.
  heatingseason: ['heating season', 'saison de chauffe', 'mise en route du chauffage', 'rallume', 'rallument',
    'encienden', 'encender la calefaccion', 'включають', 'включать опалення', 'опалювальний сезон',
    'موسم التدفئة', 'يشغلوا التدفئة'],
  maintenance: ['annual service', 'boiler service', 'entretien annuel', 'entretien de la chaudiere',
    'revision anual', 'mantenimiento anual', 'الصيانة السنوية', 'техобслуговування', 'щорічне обслуговування'],
  // The wifi's speed and restarting it, not its password.
  slowness: ['slow', 'so slow', 'very slow', 'rame', 'lent', 'tres lent', 'lento', 'lentisimo', 'lentisima', 'va lento',
    'lenta', 'muy lento', 'بطيء', 'بطيئ', 'بطيئة', 'بطء', 'ثقيل', 'بطيء بزاف', 'повільний', 'повільно', 'повільна',
    'повільне', 'гальмує', 'тупить'],
  restart: ['restart', 'reboot', 'reset the router', 'redemarrer', 'redemarre', 'rebooter', 'reiniciar', 'reinicia',
    'reinicie', 'ريستارت', 'اعادة تشغيل', 'перезавантажити', 'перезапустити', 'перезавантажує',
    // Ukrainian says it with either aspect of the verb, and the two stem apart.
    'перезапускає', 'перезапускати', 'перезавантажувати', 'перезавантажте', 'перезапустіть'],
  // A parcel marked delivered that never came, or left at the door, not where to pick one up.
  missingparcel: ['marked as delivered', 'says delivered', 'shows delivered', 'never arrived', 'never received',
    'left at the door', 'left outside my door', 'marque livre', 'marque comme livre', 'indique livre', 'jamais recu',
    'jamais arrive', 'pone entregado', 'aparece como entregado', 'marcado como entregado', 'nunca llego', 'مكتوب livre',
    'ما وصلني', 'ما وصلنيش', 'ماوصلنيش', 'ما وصلتني', 'залишив під дверима', 'під дверима', 'не отримав', 'не отримала',
    'так і не прийшла', 'marked delivered', 'shows as delivered', 'affiche livre', 'dice entregado', 'marca entregado',
    'aparece entregado', 'figura como entregado', 'مكتوب عليه livre', 'مكتوب تم التوصيل', 'مكتوب تم التسليم',
    'написано доставлено', 'пише доставлено', 'статус доставлено', 'позначено як доставлено', 'ما حدا استلمه',
    'ما حدا استلمو', 'ما حد استلمو', 'ما لقيت avis', 'ما لقيت لا avis', 'no dejaron aviso', 'sin dejar aviso',
    'pas d avis de passage', 'pas laisse d avis', 'no card through the door', 'no notice left',
    'не залишили повідомлення', 'ніхто не отримував',
    // The tracking's status, quoted in a story ("пише шо colis доставлено"): asking where to pick a parcel up says
    // one was out, not that it was delivered.
    'доставлено'],
  // Whether a permit or a service covers other parts of town, not how to get it.
  elsewhere: ['other neighbourhoods', 'other neighborhoods', 'other areas', 'another area', 'another neighbourhood',
    'autres quartiers', 'autre quartier', 'otros barrios', 'otro barrio', 'otras zonas', 'احياء اخرى', 'حي اخر',
    'حومة اخرى', 'інших районах', 'іншому районі', 'інші райони'],
  // How many things a collection takes, not how to book it.
  limit: ['how many items', 'how many things', 'how many pieces', 'item limit', 'maximum number', 'combien d objets',
    'nombre d objets', 'cuantas cosas', 'cuantos objetos', 'cuantos muebles', 'كم قطعة',
    'قديش قطعة', 'الحد الاقصى', 'скільки речей', 'ліміт', 'скільки предметів'],
  // The residents' association and its meetings (a topic of its own: the garden association an entry names is not it),
  // not booking the common room for one.
  residentsmeeting: ['next meeting', 'next residents meeting', 'residents association', 'tenants association',
    'association de locataires', 'amicale des locataires', 'conseil de quartier', 'asociacion de vecinos',
    'prochaine reunion', 'proxima reunion', 'junta de vecinos', 'جمعية السكان', 'الاجتماع الجاي', 'الاجتماع القادم',
    'جمعية الحي', 'наступні збори', 'домком', 'осбб'],
  // When the buses run, not where to buy a pass.
  timetable: ['timetable', 'bus times', 'bus timetable', 'bus run', 'buses run', 'last bus', 'first bus',
    'horaires du bus', 'horaires des bus', 'dernier bus', 'premier bus', 'dernier tram', 'horario del autobus',
    'horario de autobuses', 'ultimo autobus', 'primer autobus', 'ultimo bus', 'مواعيد الباص', 'اخر باص', 'اول باص',
    'розклад', 'розклад автобусів', 'останній автобус', 'перший автобус'],
  // A bigger or a new bin, not the collection days.
  biggerbin: ['bigger bin', 'larger bin', 'new bin', 'contenedor mas grande', 'cubo mas grande', 'contenedor nuevo',
    'poubelle plus grande', 'bac plus grand', 'nouvelle poubelle', 'nouveau bac', 'حاوية اكبر', 'زبالة اكبر',
    'більший бак', 'новий бак', 'більший контейнер'],
  // Money back for a service, not its price.
  refund: ['refund', 'refunded', 'money back', 'rembourser', 'rembourse', 'remboursement', 'reembolso', 'reembolsar',
    'devolucion del dinero', 'يرجعولي الفلوس', 'استرجاع الفلوس', 'استرداد', 'повернення коштів', 'повернути гроші',
    // Paying less for a service that failed: a lower charge, a compensation, charges worked out again.
    'зменшення плати', 'зменшити плату', 'знизити плату', 'компенсація', 'компенсацію', 'перерахунок', 'перерахунку'],
  // A smell in the building or from the bins, not the collection days.
  smell: ['smell', 'smells', 'stinks', 'stench', 'odeur', 'odeurs', 'ca pue', 'mauvaise odeur', 'olor', 'mal olor',
    'huele mal', 'peste', 'ريحة', 'ريحة خايبة', 'رائحة', 'запах', 'смердить', 'смердіти', 'воняє'],
  // Rubbish dumped in the street, not how to book a bulky collection.
  flytipping: ['fly tipping', 'fly-tipping', 'dumped in the street', 'depot sauvage', 'depots sauvages',
    'vertido ilegal', 'basura tirada en la calle', 'زبالة مرمية', 'رمي الزبالة في الشارع', 'стихійне звалище',
    'викинули на вулицю'],
  // Public toilets near a playground or a market, or whether a place has any: not the place itself.
  toilets: ['public toilets', 'public toilet', 'toilettes publiques', 'wc publics', 'banos publicos', 'aseos publicos',
    'حمامات عامة', 'مرحاض عمومي', 'громадський туалет', 'громадські туалети', 'is there a toilet', 'are there toilets',
    'any toilets', 'y a des toilettes', 'il y a des toilettes', 'hay banos', 'hay bano', 'tiene bano', 'فيها تواليت',
    'فيه تواليت', 'في تواليت', 'فيها حمامات', 'فيها حمام', 'є туалет', 'чи є туалет', 'там є туалет',
    'y a t il des toilettes', 'hay aseos'],
  // A dispute settled by a mediator, not the quiet hours.
  mediation: ['mediation', 'mediator', 'mediateur', 'conciliateur', 'conciliador', 'mediador', 'mediacion',
    'وسيط', 'وساطة', 'медіатор', 'медіація'],
  // A library book kept too long or lost, not the library's hours.
  overdue: ['overdue', 'late fee', 'late return', 'lost a book', 'lost the book', 'livre en retard', 'livre perdu',
    'penalite de retard', 'libro perdido', 'devolver tarde', 'multa de la biblioteca', 'كتاب ضايع', 'تأخير الكتاب',
    'загубила книжку', 'загубив книжку', 'прострочив книжку'],
  // Help with energy bills, not setting up the supply.
  energyaid: ['energy voucher', 'energy cheque', 'cheque energie', 'bono social', 'bono electrico', 'دعم الكهرباء',
    'енергетична допомога', 'субсидія на опалення'],
  // Mail sent on to the new address, not the moving van's parking space.
  redirect: ['mail forwarding', 'redirect my mail', 'forward my mail', 'reexpedition', 'reexpedition du courrier',
    'faire suivre le courrier', 'redireccion de correo', 'reenvio de correo', 'تحويل البريد', 'переадресація пошти'],
  // The letterbox's own key, not being locked out.
  mailboxkey: ['mailbox key', 'letterbox key', 'postbox key', 'cle de boite aux lettres', 'cle de la boite aux lettres',
    'cle boite aux lettres', 'llave del buzon', 'مفتاح صندوق البريد', 'مفتاح البوسطة', 'ключ від поштової скриньки',
    'ключ від скриньки'],
  // Who cleans the stairs and halls, not the lift's repairs.
  commoncleaning: ['cleaning of the stairs', 'stairwell cleaning', 'cleaning the hallway',
    'menage des parties communes', 'menage de l escalier', 'nettoyage des parties communes', 'limpieza de la escalera',
    'limpieza del portal', 'limpieza de zonas comunes', 'تنظيف الدرج', 'تنظيف العمارة', 'прибирання під їзду',
    'прибирання сходів'],
  // Dog mess in the shared spaces, not whether pets are allowed.
  dogmess: ['dog poo', 'dog mess', 'dog poop', 'crottes de chien', 'crotte de chien', 'caca de perro', 'cacas de perro',
    'excrementos de perro', 'وسخ الكلاب', 'براز الكلاب', 'собаче лайно', 'собачі какашки'],
  // A doctor's note for work, not registering with a GP.
  sicknote: ['sick note', 'fit note', 'doctors note', 'arret maladie', 'arret de travail', 'baja medica',
    'justificante medico', 'شهادة مرضية', 'اجازة مرضية', 'лікарняний', 'довідка від лікаря'],
  // Getting married at the town hall, not its opening hours.
  marriage: ['get married', 'getting married', 'se marier', 'mariage civil', 'pacs', 'se pacser', 'casarse',
    'boda civil', 'matrimonio civil', 'نتزوج', 'عقد الزواج', 'كتب الكتاب', 'одружитися', 'розписатися', 'шлюб'],
  // Charging an electric car or a battery, not parking a car or storing a bike ("recharger" alone is a SIM card's
  // top-up and "électrique" the electricity supply, so the phrases that name the car or the plug come first).
  evcharging: ['electric car', 'electric cars', 'electric vehicle', 'ev charger', 'ev charging', 'charging point',
    'charging station', 'charge my car', 'voiture electrique', 'voitures electriques', 'vehicule electrique',
    'borne de recharge', 'bornes de recharge', 'recharger une voiture', 'recharger ma voiture', 'coche electrico',
    'coches electricos', 'auto electrico', 'punto de carga', 'cargador para coche', 'cargar el coche',
    'السيارة الكهربائية', 'سيارة كهربائية', 'شحن السيارة', 'شاحن سيارة', 'شاحن السيارة', 'електромобіль',
    'електромобіля', 'електромобілів', 'зарядка для електромобіля', 'зарядна станція', 'зарядну станцію'],
  plug: ['plug', 'socket', 'power socket', 'power outlet', 'charge my battery', 'charge the battery',
    'prise electrique', 'une prise', 'recharger la batterie', 'recharger ma batterie', 'recharger les velos', 'enchufe',
    'enchufes', 'cargar la bateria', 'بريزة', 'فيشة', 'شحن البطارية', 'розетка', 'розетку', 'розетки',
    'зарядити акумулятор', 'зарядити батарею'],
  // The wifi out of order, not its password (a bare "not working" stays: a neighbour asks for the password then).
  outage: ['wifi down', 'internet down', 'wifi outage', 'internet outage', 'panne internet', 'panne de wifi',
    'panne du wifi', 'wifi en panne', 'internet en panne', 'wifi caido', 'internet caido', 'se cayo el wifi',
    'se cayo internet', 'الويفي طايح', 'الانترنت طايح', 'الويفي مقطوع', 'الانترنت مقطوع', 'النت مقطوع',
    'пропав інтернет', 'інтернет пропав', 'зник інтернет', 'вайфай пропав', 'пропав вайфай', 'wifi stopped working',
    'wifi is down', 'internet is down', 'wifi has been down', 'wifi went down', 'wifi hasn t worked',
    'internet stopped working', 'wifi ne marche plus', 'internet ne marche plus', 'wifi ne fonctionne plus',
    'plus de wifi depuis', 'plus d internet depuis', 'wifi coupe', 'internet coupe', 'se cayo la red',
    'el wifi se cayo', 'caida del wifi', 'النت طايح', 'الوايفي مقطوع', 'الويفي قاطع', 'النت قاطع', 'зник вайфай',
    'інтернет зник', 'відвалюється', 'постійно відвалюється', 'відвалюється інтернет', 'вайфай відвалюється'],
  // Replacing or renovating the lift, not reporting a breakdown.
  liftreplacement: ['new lift', 'replace the lift', 'lift replaced', 'lift replacement', 'new elevator',
    'replace the elevator', 'nouvel ascenseur', 'remplacer l ascenseur', 'remplacement de l ascenseur',
    'changer l ascenseur', 'renovation de l ascenseur', 'ascensor nuevo', 'nuevo ascensor', 'cambiar el ascensor',
    'sustituir el ascensor', 'مصعد جديد', 'اسانسور جديد', 'تبديل المصعد', 'تغيير المصعد', 'новий ліфт',
    'заміна ліфта', 'замінять ліфт', 'ліфт замінять', 'замінити ліфт', 'ліфт замінили', 'cambian el ascensor',
    'cambien el ascensor', 'يغيروا المصعد', 'يغيرو المصعد', 'يبدلوا المصعد', 'يغيروا الاسانسور', 'يبدلوا الاسانسور'],
  // Which foods are for sale, not the market's days (fruit and vegetables are what a market is asked for, so they stay;
  // a bare Ukrainian "сир" would take "сирий", damp, through its stem).
  groceries: ['cheese', 'fromage', 'fromages', 'queso', 'quesos', 'جبنة', 'جبن', 'لبنة', 'кисломолочний сир',
    'домашній сир', 'твердий сир', 'сметана', 'сметану', 'сало', 'гречка', 'гречку', 'гречки', 'buckwheat', 'sarrasin',
    'spices', 'epices', 'especias', 'توابل', 'بهارات', 'спеції', 'productos latinos', 'produits orientaux',
    'منتجات عربية', 'наші продукти', 'українські продукти'],
  // A strike stopping the trams or the bins, not their days.
  strike: ['strike', 'on strike', 'strikes', 'greve', 'greves', 'en greve', 'huelga', 'huelgas', 'اضراب', 'الاضراب',
    'страйк', 'страйку', 'страйки'],
  // The French exams for papers, not the classes.
  frenchexam: ['delf', 'dalf', 'tcf', 'french exam', 'french test', 'examen de francais', 'test de francais',
    'examen de frances', 'امتحان الفرنسية', 'امتحان اللغة', 'іспит з французької'],
  // What energy costs (a bill's amount, the price per kWh, comparing suppliers), not setting up the supply; the water
  // bill the entry names is not here.
  energyprice: ['kwh', 'per kwh', 'compare suppliers', 'switch supplier', 'change supplier', 'changer de fournisseur',
    'comparateur', 'comparer les fournisseurs', 'cambiar de compania', 'cambiar de comercializadora',
    'comparar companias', 'تغيير الشركة', 'змінити постачальника', 'electricity bill', 'gas bill', 'energy bill',
    'facture d electricite', 'facture de gaz', 'facture d elec', 'facture d energie', 'factura de la luz',
    'factura del gas', 'factura de luz', 'فاتورة الكهربا', 'فاتورة الكهرباء', 'فاتورة الضو', 'فاتورة الغاز',
    'рахунок за світло', 'рахунок за електрику', 'рахунок за газ', 'рахунки за світло'],
  // Hiring a van for the move, not the parking space for it ("un camion de location" stays the van being parked).
  vanhire: ['rent a van', 'hire a van', 'van hire', 'van rental', 'louer un camion', 'louer une camionnette',
    'louer un utilitaire', 'location de camion', 'location d utilitaire', 'alquilar una furgoneta',
    'alquilo una furgoneta', 'alquiler de furgoneta', 'alquilar una camioneta', 'alquilar una furgo',
    'alquilo una furgo', 'نكري كاميو', 'نكري شي كاميو', 'كراء كاميو', 'استأجر شاحنة', 'استاجر شاحنة', 'استاجر كاميون',
    'ستاجر كاميون', 'نستاجر كاميون', 'ستاجر شاحنة', 'نكري كاميون', 'كراء كاميون', 'ايجار كاميون', 'ايجار شاحنة',
    'اجار شاحنة', 'орендувати бус', 'оренда буса', 'орендувати вантажівку', 'орендувати фургон'],
  // What a school child wears and brings, not enrolment.
  schoolsupplies: ['school uniform', 'school supplies', 'uniforme scolaire', 'fournitures scolaires',
    'uniforme escolar', 'material escolar', 'utiles escolares', 'الزي المدرسي', 'زي مدرسي', 'ادوات مدرسية',
    'الادوات المدرسية', 'шкільна форма', 'шкільну форму', 'шкільне приладдя'],
  // A collection that did not come, not the collection days ("I think I missed it" is the asker's, so it stays).
  missedcollection: ['not been collected', 'weren t collected', 'wasn t collected', 'haven t been collected',
    'pas ete ramasse', 'pas ete ramassee', 'pas ete ramassees', 'pas ete ramasses', 'pas ete videes', 'no pasaron',
    'no han pasado', 'no recogieron', 'no han recogido', 'ما انشالت', 'ما انلمت', 'ما تلمت', 'не вивозили',
    'не вивезли', 'не забрали сміття'],
  // Cancelling a contract, a booking or a service, not setting one up or booking it.
  cancel: ['cancel', 'cancelled', 'canceled', 'cancellation', 'annuler', 'annulation', 'resilier', 'resiliation',
    'cancelar', 'cancelacion', 'dar de baja', 'doy de baja', 'darme de baja', 'dar la baja', 'الغاء', 'نلغي',
    'الغي', 'скасувати', 'скасували', 'скасування', 'розірвати договір', 'закрити договір'],
  // Giving food or things away, not getting help from the food bank.
  donate: ['donate', 'donation', 'donations', 'faire un don', 'dons', 'donar', 'donacion', 'donativo', 'اتبرع',
    'تبرع', 'التبرع', 'كتبرع', 'пожертвувати', 'пожертва', 'пожертву', 'віддати'],
  // Old clothes and the textile banks, not the glass banks or bulky waste.
  clothes: ['old clothes', 'textile bank', 'textile', 'textiles', 'vetements usages', 'vieux vetements',
    'borne textile', 'conteneur textile', 'ropa usada', 'contenedor de ropa', 'ropa vieja', 'ملابس قديمة',
    'ملابس مستعملة', 'старий одяг', 'старого одягу', 'clothes', 'clothing', 'vetements', 'fringues', 'ropa', 'ملابس',
    'الملابس', 'تياب', 'هدوم', 'одяг', 'одягу'],
  // Big vehicles to park, not a visitor's car.
  camper: ['camper van', 'campervan', 'motorhome', 'camping car', 'camping-car', 'autocaravana', 'caravana',
    'caravan', 'كرفان', 'كارافان', 'автобудинок', 'кемпер'],
  // The school day's hours, not enrolment.
  schoolhours: ['school hours', 'horaires de l ecole', 'horaires d ecole', 'horario escolar', 'horario del colegio',
    'دوام المدرسة', 'розклад уроків', 'уроки починаються', 'починаються уроки'],
  // Reporting a crime to the police, not the police's number or the pharmacy at night.
  policereport: ['porter plainte', 'deposer plainte', 'police report', 'report it to the police', 'poner una denuncia',
    'hacer una denuncia', 'نديكلاري', 'заява в поліцію', 'заяву в поліцію'],
  // Unlocking a phone for another SIM, not buying one.
  phoneunlock: ['unlock my phone', 'unlock the phone', 'unlocked phone', 'debloquer mon telephone',
    'debloquer le telephone', 'desbloquear el movil', 'desbloquear mi movil', 'desbloqueo mi movil',
    'فك قفل التلفون', 'розблокувати телефон'],
  // A bank account, not the post office's hours or an electricity meter ("ouvrir un compteur"); not the bare
  // Ukrainian "рахунок", which is also the phone credit the SIM entry's top-up vouchers add to.
  bank_account: ['bank account', 'compte bancaire', 'cuenta bancaria', 'حساب بنكي', 'банківський рахунок',
    'open an account', 'ouvrir un compte', 'compte en banque', 'banque en ligne', 'abrir una cuenta',
    'فتح حساب', 'يفتح حساب', 'بيفتح حساب', 'відкрити рахунок', 'рахунок у банку'],
  // Home insurance, not a repair (water damage itself is a repair the entry answers). Spanish "seguro" alone is as often
  // safe or sure ("un lugar seguro", "¿seguro que se puede?"): the insurance is the one named with an article.
  insurance: ['insurance', 'home insurance', 'assurance', 'assurance habitation', 'el seguro', 'un seguro', 'mi seguro',
    'del seguro', 'al seguro', 'tu seguro', 'su seguro', 'aseguradora', 'تأمين', 'التأمين',
    'seguro del hogar', 'seguro de hogar',
    'seguro de la casa', 'تامين السكن', 'تامين البيت', 'страхування', 'страховка', 'страховки', 'страховку'],
  // Classes followed online, not signing up online.
  onlineclasses: ['online classes', 'online class', 'online course', 'online courses', 'cours en ligne',
    'clases online', 'clases en linea', 'curso online', 'cursos online', 'دروس اونلاين', 'онлайн курси',
    'онлайн уроки'],
  // Drinking water at a playground or a garden, not where it is.
  fountain: ['drinking fountain', 'water fountain', 'fontaine a eau', 'fuente de agua', 'фонтанчик',
    'питний фонтанчик'],
  // Topping up the resident card that pays for the laundry, which its entry does not say (a SIM card's top-up is the
  // phone entry's, so only phrases that name the resident or laundry card are here).
  cardtopup: ['top up the resident card', 'top up my resident card', 'top up the laundry card',
    'recharger la carte resident', 'recharger la carte de resident', 'recharger la carte de la laverie',
    'recargar la tarjeta de residente', 'recargar la tarjeta de la lavanderia', 'شحن كارت الغسالات', 'شحن بطاقة السكان',
    'поповнити картку мешканця', 'поповнити картку для пральні', 'بشحن الكارت', 'نشحن الكارت', 'بشحن الcarte',
    'نشحن الcarte', 'شحن الcarte', 'recargar la tarjeta', 'поповнити картку'],
  // A public holiday or a festival day, which no entry's days and hours say anything about (bins, market, trams,
  // quiet hours). A bare "свято", "свята" or "fête" is a party in the common room, so only the phrases are here.
  publicholiday: ['bank holiday', 'bank holidays', 'public holiday', 'public holidays', 'christmas', 'christmas day',
    'boxing day', 'new year s day', 'new year s eve', 'easter', 'easter monday', '14th july', 'bastille day',
    'fete de la musique', 'jour ferie', 'jours feries', 'ferie', 'feries', 'noel', 'jour de l an', 'nouvel an',
    'paques', 'lundi de paques', 'ascension', 'pentecote', '1er mai', 'premier mai', '14 juillet', 'reveillon',
    'festivo', 'festivos', 'dia festivo', 'dias festivos', 'feriado', 'navidad', 'nochevieja', 'ano nuevo',
    'semana santa', 'عطلة رسمية', 'العطلة الرسمية', 'يوم عطلة رسمية', 'ايام العيد', 'نهار العيد', 'يوم العيد',
    'راس العام', 'державне свято', 'державні свята', 'святковий день', 'святкові дні', 'на свята', 'різдво',
    'на різдво', 'великдень', 'новий рік'],
  // How long one waits for a service or an appointment, which no entry says ("how long does it take" stays: the
  // permit and the electricity entries answer it).
  waitingtime: ['how long is the wait', 'waiting time', 'wait time', 'how long do you wait', 'how long did you wait',
    'temps d attente', 'delai d attente', 'combien de temps faut attendre', 'combien de temps il faut attendre',
    'tiempo de espera', 'cuanto hay que esperar', 'cuanto tiempo hay que esperar', 'مدة الانتظار', 'قديش لازم نستنى',
    'كم لازم نستنى', 'час очікування', 'скільки чекати', 'скільки зазвичай чекати', 'довго чекати'],
  // How long a breakdown lasts, not whom to tell.
  repairtime: ['when will it be fixed', 'when will it be repaired', 'when will they fix it', 'how long will it be out',
    'gonna be out', 'be out of order for', 'how long will the lift', 'how long is the lift', 'sera repare',
    'sera reparee', 'va etre repare', 'va etre reparee', 'quand estce qu ils vont le reparer',
    'ils vont le reparer quand', 'cuando lo arreglan', 'cuando lo van a arreglar', 'cuanto tardan en arreglar',
    'امتى يصلحوه', 'متى يصلحوه', 'وقتاش يصلحوه', 'коли полагодять', 'коли відремонтують', 'скільки ремонтують',
    'скільки зазвичай ремонтують', 'як довго ремонтують', 'скільки часу ремонтують', 'скільки його ремонтують',
    'cuanto tardan en reparar', 'cuanto tarda la reparacion', 'قديش بياخدو ليصلحوه', 'كم يوم بيصلحوه', 'شحال كيطولو',
    'combien de temps pour reparer', 'how long do repairs take', 'how long does the repair take',
    'скільки зазвичай його ремонтують', 'як довго його ремонтують', 'скільки часу його ремонтують'],
  // Who empties a full bottle bank or container, not where glass goes or which days the bins are collected ("the bin
  // is overflowing, which day is collection?" asks for the days, so a bare "overflowing" or "déborde" stays).
  emptying: ['get it emptied', 'get them emptied', 'have it emptied', 'who empties', 'who do i call to empty',
    'bottle bank is overflowing', 'bottle banks are overflowing', 'glass bank is overflowing', 'faire vider',
    'le faire vider', 'viennent le vider', 'viennent les vider', 'vienne le vider', 'qui vient vider', 'qui vide',
    'conteneur deborde', 'conteneur a verre deborde', 'conteneurs debordent', 'que lo vacien', 'que vengan a vaciar',
    'quien lo vacia', 'quien vacia', 'contenedor desborda', 'contenedor esta lleno', 'يفرغوها', 'يجيو يفرغوها',
    'شكون كيفرغ', 'хто спорожнює', 'хто вивозить скло', 'контейнер переповнений', 'контейнер для скла переповнений'],
  // What parking costs by the hour in a car park, which the visitors' parking entry does not say.
  hourlyrate: ['per hour', 'by the hour', 'hourly', 'hourly rate', 'de l heure', 'par heure', 'tarif horaire',
    'por hora', 'la hora de parking', 'بالساعة', 'فالساعة', 'للساعة', 'за годину', 'погодинно', 'погодинна оплата',
    'cuanto sale la hora', 'cuanto cuesta la hora', 'скільки коштує година', 'година паркування', 'combien l heure',
    'how much an hour'],
  // A car the resident does not own (a company or leased car), which the permit entry does not cover.
  companycar: ['company car', 'work car', 'lease car', 'leased car', 'voiture de fonction', 'vehicule de fonction',
    'voiture de societe', 'voiture de service', 'voiture en leasing', 'coche de empresa', 'vehiculo de empresa',
    'coche de renting', 'سيارة الشركة', 'سيارة الخدمة', 'طوموبيل ديال الخدمة', 'службове авто', 'службова машина',
    'службовий автомобіль', 'службову машину'],
  // A permit, a pass or a card lost and replaced, not getting one (a lost fob or key is the locked-out entry's).
  lostcard: ['lost my permit', 'lost my parking permit', 'lost my resident parking permit', 'lost my residents permit',
    'lost the permit', 'replacement permit', 'replace my permit', 'lost my pass', 'lost my bus pass',
    'lost my travel pass', 'lost my monthly pass', 'perdu ma carte de stationnement', 'perdu mon macaron',
    'perdu ma vignette', 'perdu mon abonnement', 'perdu mon pass', 'duplicata', 'perdi el permiso',
    'perdi la tarjeta de aparcamiento', 'perdi el abono', 'perdi mi abono', 'me lo reponen', 'reponer el abono',
    'ضاعت carte resident', 'ضاع الابونمو', 'ضاعت البطاقة', 'загубив дозвіл', 'загубила дозвіл', 'загубив проїзний',
    'загубила проїзний', 'ضيعت الnavigo', 'ضاعت الnavigo', 'ضاعتلي الnavigo', 'ضيعت الكارت تاع الترام',
    'perdi el navigo', 'perdi mi navigo', 'perdu mon navigo', 'perdu ma carte navigo', 'lost my navigo',
    'загубив навіго', 'загубила навіго', 'загубив картку навіго'],
  // Contesting a fine, not buying a ticket.
  // Phrases only: a bare "contester" would take Spanish "contesta" (answers the phone) through its stem.
  contest: ['contest it', 'contest the fine', 'contest a fine', 'appeal the fine', 'dispute the fine',
    'contester l amende', 'contester une amende', 'contester le pv', 'contester la contravention', 'faire un recours',
    'recurrir la multa', 'recurrir', 'reclamar la multa', 'impugnar', 'نعترض', 'اعتراض على المخالفة', 'оскаржити',
    'оскаржити штраф', 'оскарження'],
  // Whether a rule has an exception, which no entry's rules name.
  exception: ['exception', 'exceptions', 'an exception', 'exempt', 'derogation', 'excepcion', 'excepciones',
    'استثناء', 'виняток', 'винятки', 'винятком'],
  // The co-owners' managing agent and the papers of their assemblies, not the building manager residents call.
  // (A bare "syndic" stays the building manager, as residents call her.)
  syndic: ['syndic de copropriete', 'managing agent', 'the minutes from', 'minutes of the', 'meeting minutes',
    'minutes from the last', 'last agm', 'last ag', 'en ag', 'derniere ag', 'proces verbal de l ag',
    'compte rendu de l ag', 'administrador de fincas', 'administrador de la finca', 'acta de la reunion',
    'acta de la junta', 'السنديك', 'سنديك', 'محضر الاجتماع', 'синдик', 'протокол зборів'],
  // Which school a child is sent to by address, not how to enrol.
  catchment: ['zoned for', 'catchment', 'catchment area', 'school zone', 'carte scolaire', 'secteur scolaire',
    'sectorisation', 'zona escolar', 'zona de escolarizacion', 'منطقة المدرسة', 'مدرسة المنطقة', 'шкільний округ',
    'закріплена школа', 'за місцем проживання'],
  // A certificate of language level and naturalisation, not the French classes themselves.
  languagecert: ['language certificate', 'level certificate', 'b1 certificate', 'a2 certificate',
    'certificat de niveau', 'certificat de langue', 'attestation de niveau', 'diplome de francais',
    'certificado de nivel', 'certificado de idioma', 'algun certificado', 'شهادة مستوى', 'شهادة اللغة',
    'شهادة فالفرنسية', 'мовний сертифікат', 'сертифікат рівня', 'сертифікат про рівень', 'дають сертифікат',
    'видають сертифікат', 'чи дають сертифікат', 'сертифікат після курсів'],
  // Naturalisation itself: citizenship ("ciudadana", "отримала громадянство") is what leads to the electoral roll.
  naturalisation: ['naturalisation', 'naturalization', 'naturalised', 'dossier de naturalisation', 'naturalizacion',
    'التجنس', 'التجنيس', 'натуралізація', 'натуралізації', 'para la nacionalidad', 'pa la nacionalidad',
    'pedir la nacionalidad', 'solicitar la nacionalidad', 'pour la nationalite', 'demande de nationalite',
    'for citizenship', 'للجنسية', 'طلب الجنسية', 'для громадянства', 'на громадянство'],
  // How doctors are paid (the third-party payment and top-up insurance), not registering with one.
  healthpayment: ['tiers payant', 'mutuelle', 'complementaire sante', 'bulk billing', 'bulk bill', 'pago directo',
    'seguro complementario', 'التعاضدية', 'موتويل', 'страхова медицина', 'мютюель',
    'carte vitale', 'la carte vitale', 'tarjeta vitale', 'كارت فيتال', 'الكارت فيتال', 'карта віталь', 'карт віталь',
    'الcarte vitale', 'بالcarte vitale'],
  // The wifi password having changed, not what it is.
  passwordchange: ['password changed', 'password has changed', 'changed the password', 'changed the wifi password',
    'mot de passe a change', 'change le mot de passe', 'changer le mot de passe', 'cambiaron la contrasena',
    'cambio la contrasena', 'han cambiado la contrasena', 'بدلو الباسورد', 'بدلوا الباسورد', 'غيروا الباسورد',
    'змінили пароль', 'пароль змінився', 'поміняли пароль'],
  // Which energy supplier is cheapest, which the entry leaves to the resident ("cheapest plans" alone is the phone
  // entry's).
  cheapsupplier: ['cheapest supplier', 'supplier is cheapest', 'cheapest electricity', 'cheapest energy',
    'best supplier', 'fournisseur le moins cher', 'fournisseur d electricite le moins cher',
    'electricite la moins chere', 'meilleur fournisseur', 'compania mas barata', 'la luz mas barata',
    'comercializadora mas barata', 'ارخص شركة', 'ارخص شركة كهرباء', 'найдешевший постачальник', 'найдешевше світло',
    'найдешевша електрика', 'la mas barata', 'compania de luz mas barata', 'mas barata de luz', 'найдешевший',
    'найдешевша', 'вигідніше', 'الارخص', 'ارخص كهربا'],
  // Whether a service still takes place in spite of something (a holiday, a strike, the weather), which no entry's days
  // say.
  goesahead: ['maintenu', 'maintenue', 'maintenus', 'maintenues', 'passent quand meme', 'passe quand meme',
    'a lieu quand meme', 'ont lieu quand meme', 'still going ahead', 'still go ahead', 'still happening',
    'se mantiene', 'se mantienen', 'sigue en pie', 'pasa igual', 'pasan igual', 'رغم العطلة', 'واخا العطلة',
    'все одно заберуть', 'все одно приїдуть', 'все одно буде'],
  // How soon a booked service comes, which the entries that say how to book do not say.
  howsoon: ['once you ve booked', 'once i ve booked', 'once you have booked', 'how soon do they come',
    'how soon will they come', 'how soon do they pick up', 'au bout de combien de temps', 'ils passent au bout de',
    'despues de pedir la cita', 'despues de la cita', 'cuanto tarda en venir', 'cuanto tardan en venir', 'بعد كم يوم',
    'بعد قديش يوم', 'من بعد شحال', 'через скільки днів', 'як швидко приїдуть'],
  // Building rubble from works at home, which the recycling centre's list does not name.
  rubble: ['rubble', 'building waste', 'construction waste', 'builders waste', 'plasterboard', 'gravats',
    'dechets de chantier', 'placo', 'escombros', 'cascotes', 'restos de obra', 'residuos de obra', 'ردم', 'الردم',
    'ردم البني', 'مخلفات البناء', 'بقايا البناء', 'مخلفات الخدمة', 'будівельне сміття', 'будівельного сміття',
    'будсміття', 'гіпсокартон'],
  // Buying a medicine without a prescription, and what for, not which pharmacy is on duty.
  otc: ['without a prescription', 'without prescription', 'over the counter', 'sans ordonnance', 'sin receta',
    'sin receta medica', 'من غير روشتة', 'بدون روشتة', 'بلا روشتة', 'من غير وصفة', 'بدون وصفة', 'بلا وصفة',
    'بلا ordonnance', 'без рецепта', 'без рецепту', 'cough', 'cough syrup', 'toux', 'sirop', 'sirop pour la toux',
    'tos', 'jarabe', 'jarabe para la tos', 'كحة', 'الكحة', 'للكحة', 'سعال', 'السعال', 'كحبة', 'кашель', 'від кашлю',
    'сироп'],
  // A playground under a roof for rainy days, not the outdoor ones the entry lists.
  indoorplay: ['indoor playground', 'indoor play area', 'aire de jeux couverte', 'aire de jeux interieure',
    'parc de jeux couvert', 'parque infantil cubierto', 'parque cubierto', 'parque de bolas', 'zona de juegos cubierta',
    'juegos bajo techo', 'ملعب مغطى', 'ملعب مسقوف', 'العاب مغطاة', 'ملاهي داخلية', 'закритий дитячий майданчик',
    'закритий майданчик', 'критий майданчик', 'критий дитячий майданчик', 'ігрова кімната', 'дитяча ігрова кімната'],
  // The mobile network's coverage, not the common room's wifi.
  signal: ['phone signal', 'mobile signal', 'signal 4g', '4g', '5g', 'couverture reseau', 'couverture mobile',
    'cobertura', 'mejor senal', 'تغطية', 'التغطية', 'احسن تغطية', 'покриття', 'немає зв язку', 'мобільний зв язок'],
  // Someone else's car on one's own space, not where visitors park.
  myspot: ['in my spot', 'in my space', 'on my spot', 'my parking spot', 'sur ma place', 'garee sur ma place',
    'gare sur ma place', 'en mi plaza', 'في بلاصتي', 'فبلاصتي', 'ف بلاصتي', 'على بلاصتي',
    'на моє місце', 'на моєму місці', 'моє паркомісце', 'на моє паркомісце'],
  // Animals other than the cats and small dogs the pets entry allows, which it says nothing about.
  otherpets: ['rabbit', 'rabbits', 'bunny', 'hamster', 'hamsters', 'guinea pig', 'guinea pigs', 'parrot', 'parrots',
    'budgie', 'canary', 'bird', 'birds', 'ferret', 'tortoise', 'turtle', 'snake', 'reptile', 'lapin', 'lapins',
    'cochon d inde', 'perroquet', 'perruche', 'canari', 'oiseau', 'oiseaux', 'furet', 'tortue', 'serpent', 'conejo',
    'conejito', 'cobaya', 'loro', 'periquito', 'canario', 'pajaro', 'pajaros', 'huron', 'tortuga', 'serpiente', 'ارنب',
    'أرنب', 'هامستر', 'ببغاء', 'ببغاوات', 'عصفور', 'عصافير', 'كناري', 'سلحفاة', 'طير', 'طيور', 'кролик', 'кролика',
    'хомяк', 'хом’як', 'хом\'як', 'папуга', 'папугу', 'канарка', 'канарку', 'пташка', 'птаха', 'черепаха', 'черепаху',
    'змія', 'тхір', 'conejos', 'loros', 'ارانب', 'الارنب', 'همستر', 'ببغا', 'بغبغان', 'بابغاو', 'عصفور كناري', 'سلحفة',
    'فكرون', 'حية', 'ثعبان', 'кролики', 'хомяка', 'морська свинка', 'папуги', 'папужка', 'хвилястий', 'змію', 'тхора'],
  // Someone to look after the children while a parent is in class, which the classes entry does not offer.
  classchildcare: ['garde d enfants', 'garde des enfants', 'faire garder', 'les faire garder', 'pour les garder',
    'childcare during', 'creche during', 'look after the kids', 'look after my kids', 'cuidado de ninos',
    'quien cuide a los ninos', 'quien me cuide', 'حضانة للاطفال', 'شكون يشد الدراري',
    'догляд за дітьми', 'з ким залишити дітей', 'няня на час'],
  // Broken glass and bottles left on the ground, which the glass entry's banks do not deal with.
  brokenglass: ['broken glass', 'glass everywhere', 'bottles everywhere', 'verre casse', 'bouts de verre',
    'debris de verre', 'bouteilles partout', 'bouteilles par terre', 'vidrios rotos', 'cristales rotos',
    'botellas por el suelo', 'زجاج مكسور', 'قزاز مكسور', 'الزجاج المكسور', 'бите скло', 'розбите скло',
    'бите скло всюди', 'broken glass all over', 'glass all over', 'verre partout', 'verre par terre',
    'vidrios por el suelo', 'botellas tiradas', 'القزاز على الارض', 'الزجاج على الارض', 'القزايز فالارض',
    'скло на землі', 'пляшки на землі', 'пляшки валяються', 'скло всюди'],
  // A permit or pass that has run out, and the time allowed after, not getting one (but see PLAIN_PHRASES).
  expired: ['expired', 'has expired', 'ran out', 'has run out', 'grace period', 'expire', 'a expire', 'perime',
    'perimee', 'delai de grace', 'caducado', 'caducada', 'vencido', 'vencida', 'periodo de gracia', 'منتهي الصلاحية',
    'انتهت صلاحيته', 'انتهت صلاحيتها', 'прострочений', 'прострочена', 'закінчився термін', 'закінчився строк'],
  // What residents may grow and use on their garden plots, and who looks after a plot, not how to get one (Spanish
  // "abono" is a transport pass, so it is not here).
  gardenrules: ['pesticide', 'pesticides', 'weedkiller', 'weed killer', 'slug pellets', 'herbicide', 'fertiliser',
    'fertilizer', 'glyphosate', 'engrais', 'desherbant', 'anti limaces', 'pesticida', 'pesticidas', 'herbicida',
    'fertilizante', 'mata babosas', 'مبيد', 'مبيدات', 'пестицид', 'пестициди', 'гербіцид', 'добрива',
    'water my plot', 'water the plot', 'waters my plot', 'waters the plot', 'watering', 'water my plants', 'arroser',
    'arrose', 'arrosage', 'regar', 'riega', 'riego', 'يسقي', 'بيسقي', 'يسقي القطعة', 'يسقي قطعتي', 'полити ділянку',
    'поливати ділянку', 'поливати', 'полив', 'size of the plot', 'how big are the plots', 'taille de la parcelle',
    'tamano de la parcela', 'розмір ділянки', 'مساحة القطعة'],
  // Parking for a whole night, whose price the visitors' parking entry does not give.
  overnight: ['overnight', 'park overnight', 'pour la nuit', 'combien la nuit', 'une nuit au parking', 'por una noche',
    'por noche', 'la noche en el parking', 'الليلة كاملة في الباركينغ', 'на ніч', 'за ніч'],
  // How fast the wifi is and what it is good for, not its password.
  wifispeed: ['fast enough', 'how fast', 'speed', 'debit', 'vitesse', 'velocidad', 'سرعة الويفي', 'سرعة النت',
    'швидкість', 'video call', 'video calls', 'appel video', 'appels video', 'visio', 'videollamada', 'videollamadas',
    'مكالمة فيديو', 'відеодзвінок', 'відеодзвінки'],
  // A test of one's level before the classes, not the classes themselves.
  placementtest: ['placement test', 'level test', 'test de niveau', 'test de positionnement', 'prueba de nivel',
    'examen de nivel', 'اختبار المستوى', 'امتحان المستوى', 'тест на рівень', 'тестування рівня'],
  // A second car in one household, which the permit entry does not cover.
  secondcar: ['second car', 'two cars', '2 cars', 'deuxieme voiture', 'seconde voiture', 'deux voitures',
    '2 voitures', 'segundo coche', 'dos coches', 'السيارة الثانية', 'سيارة ثانية', 'جوج طوموبيلات', 'друга машина',
    'другу машину', 'дві машини'],
  // Classes for teenagers, which the classes entry (for adults) does not offer.
  teenclasses: ['for teenagers', 'for teens', 'for my teenager', 'pour ados', 'pour les ados', 'pour adolescents',
    'pour les adolescents', 'para adolescentes', 'para los adolescentes', 'للمراهقين', 'для підлітків', 'للشباب الصغار',
    'підлітків'],
  // A drinking glass, which goes in no bottle bank.
  drinkingglass: ['drinking glass', 'drinking glasses', 'wine glass', 'wine glasses', 'verre a boire', 'verres a boire',
    'verre a vin', 'verres a vin', 'vaso', 'vasos', 'copa de vino', 'كاس', 'كاسات', 'كاسة', 'склянка', 'склянки',
    'келих', 'келихи'],
  // When a bottle bank is emptied, which its entry does not say ("when do the bins get emptied" is the collection days,
  // so a bare "emptied" is not here).
  emptied: ['bottle bank emptied', 'bottle banks emptied', 'glass bank emptied', 'vide quel jour', 'vides quel jour',
    'videe quel jour', 'vaciado', 'vaciados', 'lo vacian', 'los vacian', 'كيفرغوه', 'يفرغوه', 'يفرغوها امتى',
    // The Maghreb empties with خوى: كيخويوه, they empty it.
    'كيخويوه', 'كيخويوها', 'يخويوه', 'يخويوها', 'спорожнюють', 'вивозять скло'],
  // Broken play equipment, which the playground entry's list of places does not deal with.
  brokenplay: ['broken swing', 'swing is broken', 'swings are broken', 'slide is broken', 'balancoire cassee',
    'balancoires cassees', 'balancoire est cassee', 'balancoires sont cassees', 'toboggan casse', 'jeux casses',
    'columpio roto', 'columpios rotos', 'columpio esta roto', 'columpios estan rotos', 'tobogan roto',
    'المرجيحة مكسورة', 'المراجيح مكسورة', 'الزحليقة مكسورة', 'гойдалка зламана', 'зламана гойдалка', 'гойдалки зламані',
    'зламана гірка', 'broken swings', 'зламані гойдалки'],
  // Paying a monthly permit for a year at once, which its entry does not offer.
  payyearly: ['pay yearly', 'pay annually', 'pay every year', 'pay for the year', 'instead of monthly',
    'payer a l annee', 'paiement annuel', 'payer pour l annee', 'pagar al ano', 'pago anual', 'pagar por ano',
    'ندفع على العام', 'الدفع السنوي', 'платити за рік', 'оплата за рік', 'оплатити за рік'],
  // Buses at night, which the tickets entry does not cover.
  nightbus: ['night bus', 'night buses', 'bus de nuit', 'noctilien', 'autobus nocturno', 'bus nocturno', 'buho',
    'باص الليل', 'الباص الليلي', 'нічний автобус', 'нічні автобуси'],
  // A professional who speaks English, which no entry's doctor, pharmacy or office says.
  speaksenglish: ['speaks english', 'speak english', 'english speaking', 'english-speaking', 'parle anglais',
    'parlent anglais', 'anglophone', 'habla ingles', 'hablen ingles', 'que hable ingles', 'يتكلم انجليزي',
    'يحكي انجليزي', 'كيهضر بالنجليزية', 'говорить англійською', 'англомовний', 'англомовного'],
  // Delivery to the door, which the pharmacy and shop entries do not offer (a parcel "delivered" is the parcel entry's,
  // so only the phrases are here).
  homedelivery: ['home delivery', 'deliver to my home', 'deliver to the door', 'livre a domicile', 'livrer a domicile',
    'livraison a domicile', 'a domicilio', 'entrega a domicilio', 'توصيل للبيت', 'توصيل للدار', 'доставка додому',
    'доставляють додому'],
  // Sending money abroad or changing currency, not the post office's hours.
  moneytransfer: ['send money', 'sending money', 'envoyer de l argent', 'currency exchange', 'change money',
    'change de devises', 'changer de l argent', 'enviar dinero', 'mandar dinero', 'cambio de divisas', 'cambiar dinero',
    'نبعث فلوس', 'نحول فلوس', 'تحويل فلوس', 'صرف العملة', 'переказ грошей', 'переказати гроші', 'обмін валют'],
  // Organic food, which the market entry's days do not say.
  organic: ['organic', 'marche bio', 'produits bio', 'legumes bio', 'ecologico', 'ecologicos', 'organico',
    'عضوي', 'بيو', 'органічні', 'органічний', 'органічна'],
  // A trailer to park, not a visitor's car (a bike trailer stays the bike room's through "bike").
  trailer: ['car trailer', 'park a trailer', 'remorque', 'remolque', 'مقطورة', 'ريمورك', 'причіп', 'причепа'],
  // Watering a garden plot while its holder is away, not how to get one.
  watering: ['riegue', 'يسقيها', 'نسقي', 'سقي', 'سقاية', 'полити', 'поливатиме', 'поливає',
    'riegan', 'quien riega', 'arrosera', 'qui arrose'],
  // How big a plot is, not how to get one.
  plotsize: ['how big', 'plot size', 'square metres', 'square meters', 'm2', 'taille des parcelles', 'metres carres',
    'quelle taille', 'tamano', 'metros cuadrados', 'que tamano', 'مساحة', 'مساحتها', 'قديش مساحة', 'كم متر',
    'شحال من متر', 'розмір', 'розміри', 'квадратних метрів', 'метрів', 'скільки метрів', 'соток', 'cuantos metros',
    'cuantos metros cuadrados', 'combien de metres', 'how many square metres'],
  // Children with special needs and the classes for them, not enrolment.
  specialneeds: ['special needs', 'autism', 'autistic', 'adhd', 'special class', 'ulis', 'aesh', 'upe2a', 'allophone',
    'allophones', 'autisme', 'autiste', 'tdah', 'classe speciale', 'necesidades especiales', 'autismo', 'autista',
    'clase especial', 'aula especial', 'توحد', 'التوحد', 'متوحد', 'احتياجات خاصة', 'قسم خاص', 'صف خاص', 'аутизм',
    'аутист', 'спеціальні класи', 'спеціальний клас', 'особливі потреби', 'особливими потребами', 'інклюзивний клас',
    'дітей іноземців', 'для іноземців'],
  // Fares for pensioners and disabled people, which the entry's reduced fares (under-26s, job seekers) do not cover.
  concession: ['for pensioners', 'for seniors', 'senior discount', 'pensioner discount', 'senior citizens', 'over 65s',
    'disability', 'disabled people', 'pour les retraites', 'pour les seniors', 'tarif senior', 'personnes agees',
    'invalidite', 'para jubilados', 'para los jubilados', 'tercera edad', 'personas mayores', 'discapacidad',
    'للمتقاعدين', 'للكبار بالعمر', 'كبار السن', 'الكبار بالسن', 'كبار بالسن',
    'الكبار في السن', 'كبار في السن', 'للكبار في السن', 'المتقاعدين', 'المسنين', 'للمسنين', 'اعاقة', 'пенсіонерам', 'для пенсіонерів', 'інвалідність',
    'інвалідності', 'група інвалідності', 'похилого віку'],
  // Opening hours in the summer months, which the days each entry gives do not say.
  summerhours: ['summer hours', 'summer opening hours', 'open in august', 'open in july', 'horaires d ete',
    'ouvert en aout', 'ouvert en juillet', 'horario de verano', 'abierto en agosto', 'abre en agosto',
    'abren en agosto', 'مفتوح في اوت', 'مفتوحة في الصيف', 'الدوام الصيفي', 'في الصيف يفتحو', 'в серпні працює',
    'працює в серпні', 'працює влітку', 'влітку працює', 'літній графік', 'скорочений графік', 'скорочено'],
  // Guests who do not live in the building, not the residents the common room is for.
  nonresident: ['non residents', 'non resident', 'not residents', 'don t live in the building', 'don t live here',
    'ne sont pas residents', 'n habitent pas', 'qui n habitent pas', 'no son residentes', 'no viven en el edificio',
    'no viven aqui', 'مش ساكنين', 'ما بيسكنوا', 'ماشي من السكان', 'مو ساكنين', 'не живуть в будинку',
    'не живуть у будинку', 'не мешканці', 'не з нашого будинку', 'не живуть тут'],
  // Sending a parcel and its postage, abroad above all, not the post office's hours.
  postage: ['postage', 'how much to send', 'cost to send', 'send a parcel abroad', 'tarif d envoi', 'affranchissement',
    'combien coute l envoi', 'cuanto cuesta enviar', 'cuanto cuesta mandar', 'enviar un paquete', 'قديش بكلف ابعت',
    'بقداش نصيفط', 'скільки коштує відправити', 'вартість відправки', 'в україну', 'до україни'],
  // Time away from home, which none of the entries' services arrange for (a neighbour watering a plot, a pet looked
  // after).
  away: ['while i m away', 'while i am away', 'when i m away', 'if i go away', 'pendant mon absence',
    'quand je serai absent', 'quand je pars en vacances', 'mientras estoy fuera', 'cuando me vaya de vacaciones',
    'si me voy de vacaciones', 'si viajo', 'اذا سافرت', 'لما اسافر', 'وقت نسافر', 'كي نسافر', 'ملي نسافر', 'коли поїду',
    'поки мене не буде', 'якщо поїду', 'коли мене не буде'],
  // How one pays (cash or card), which none of the entries say. "كاش" alone is also Algerian "any" ("كاش طريقة"):
  // only paying cash is the way one pays.
  paymethod: ['in cash', 'pay cash', 'cash only', 'en liquide', 'en especes', 'en efectivo', 'pagar en efectivo',
    'ادفع كاش', 'أدفع كاش', 'ندفع كاش', 'دفع كاش', 'الدفع كاش', 'نخلص كاش', 'نقدا', 'بالكاش', 'الكاش', 'готівкою',
    'готівка', 'кешем'],
  // What the common room is equipped with (a fridge, a microwave), which the booking entry does not list; an old
  // fridge or microwave to get rid of stays the recycling centre's and bulky items', so only the asking forms are here.
  kitchenkit: ['is there a fridge', 'is there a microwave', 'has a fridge', 'has a microwave', 'have a fridge',
    'have a microwave', 'y a un frigo',
    'y a un micro ondes', 'il y a un frigo', 'il y a un micro ondes', 'tiene nevera', 'tiene microondas', 'hay nevera',
    'hay microondas', 'tiene heladera', 'hay heladera', 'فيها تلاجة', 'فيها ثلاجة', 'فيها ميكروويف', 'فيها فريجيدير',
    'في تلاجة', 'є мікрохвильовка', 'чи є холодильник', 'чи є мікрохвильовка'],
  // Barbecues in the courtyard or the garden, which neither the pets' rules nor the garden plots say.
  bbq: ['bbq', 'barbecue', 'barbecues', 'barbeque', 'barbacoa', 'barbacoas', 'parrilla', 'parrillada', 'asado',
    'باربكيو', 'باربيكيو', 'مشاوي', 'شواء', 'نشوي', 'шашлик', 'шашлики', 'мангал', 'барбекю'],
  // Businesses and tradesmen, whom the answers written for residents do not cover.
  business: ['for businesses', 'for a business', 'for companies', 'for tradesmen', 'for professionals', 'my business',
    'pour les pros', 'pour les professionnels', 'pour les entreprises', 'professionnels', 'auto entrepreneur',
    'para empresas', 'para las empresas', 'para autonomos', 'autonomos', 'autonomo', 'para negocios', 'mi negocio',
    'للمحلات', 'للمهنيين', 'для фірм', 'для бізнесу', 'для підприємців', 'фоп'],
  // The water meter, which the move-in entry (electricity and gas meters, water in the service charges) does not read.
  watermeter: ['water meter', 'water reading', 'compteur d eau', 'compteur de l eau', 'releve d eau',
    'contador del agua', 'contador de agua', 'عداد المي', 'عداد المياه', 'عداد الماء', 'лічильник води',
    'лічильника води', 'водолічильник', 'водомір'],
  // Letting one's garden plot to someone else, which the plots' allotment does not allow for.
  sublet: ['sublet', 'subletting', 'sublease', 'sous louer', 'sous loue', 'sous location', 'subarrendar', 'subalquilar',
    'realquilar', 'اجرها لحدا', 'اجر قطعتي', 'اجّر قطعتي', 'نكريها لشي حد', 'здати в оренду', 'суборенда',
    'здати свою ділянку', 'передати ділянку'],
  // Beehives on a garden plot, which the plots' allotment does not say.
  bees: ['bees', 'beehive', 'beehives', 'beekeeping', 'ruche', 'ruches', 'abeilles', 'apiculture', 'colmena',
    'colmenas', 'abejas', 'apicultura', 'نحل', 'النحل', 'خلية نحل', 'خلايا نحل', 'вулик', 'вулики', 'бджоли', 'бджіл'],
  // The weather, which none of the days and hours the entries give depend on.
  rain: ['when it rains', 'if it rains', 'in the rain', 'raining', 'quand il pleut', 's il pleut', 'sous la pluie',
    'en cas de pluie', 'si llueve', 'cuando llueve', 'con lluvia', 'اذا عم تشتي', 'اذا شتت', 'كي تصب الشتا',
    'اذا نزل مطر', 'якщо дощ', 'коли дощ', 'в дощ', 'під час дощу'],
  // One's own washing powder in the laundry machines, which the laundry entry does not say.
  detergent: ['own detergent', 'my detergent', 'washing powder', 'detergent pods', 'ma propre lessive', 'ma lessive',
    'mon adoucissant', 'propio detergente', 'mi detergente', 'mi jabon', 'مسحوقي', 'مسحوق الغسيل', 'تايد',
    'свій порошок', 'власний порошок', 'пральний порошок'],
  // Food made at home and sold, which the market entry's days do not cover.
  homemade: ['homemade', 'home made', 'home cooked', 'fait maison', 'faits maison', 'plats maison', 'comida casera',
    'hecho en casa', 'اكل بيتي', 'اكل البيت', 'ماكلة دار', 'домашню їжу', 'домашня їжа',
    'домашньої їжі', 'домашня випічка', 'домашню випічку'],
  // How many books one may borrow and for how long, which the library entry's hours and membership do not say.
  booklimit: ['how many books', 'books can i borrow', 'borrowing limit', 'loan period', 'combien de livres',
    'duree du pret', 'cuantos libros', 'cuantos libros se pueden', 'قديش كتاب', 'كم كتاب', 'شحال من كتاب',
    'скільки книжок', 'скільки книг'],
  // Guests from outside, said as someone who does not live there, beside the common room's free booking for residents.
  outsider: ['not a resident', 'isn t a resident', 'doesn t live', 'doesnt live', 'outsiders', 'people from outside',
    'habite pas', 'n habite pas', 'vit pas ici', 'pour les exterieurs', 'des exterieurs', 'personnes exterieures',
    'no vivo', 'no vive', 'no es residente', 'no soy residente', 'gente de fuera', 'ماشي ساكن', 'مش ساكن', 'مو ساكن',
    'ما ساكن', 'مش ساكنة', 'ماشي ساكنة', 'не живе', 'не живу', 'не мешканець', 'не мешканка', 'сторонні'],
  // Drink at a party, which the common room's booking rules do not mention.
  alcohol: ['alcohol', 'alcoholic', 'booze', 'alcool', 'alcools', 'apero', 'alcohol en', 'bebidas alcoholicas',
    'كحول', 'الكحول', 'خمر', 'البيرة', 'алкоголь', 'алкогольні', 'спиртне', 'пиво'],
  // A dog that barks or howls: neither the quiet hours nor the pets entry says what to do about it.
  barking: ['barking', 'barks', 'keeps barking', 'howling', 'aboie', 'aboient', 'aboiements', 'aboiement', 'aboyer',
    'ladra', 'ladran', 'ladrando', 'ladridos', 'ladrar', 'نباح', 'ينبح', 'كينبح', 'تنبح', 'عم ينبح', 'гавкає',
    'гавкають', 'гавкіт', 'гавкати', 'виє'],
  // Bedding, rugs and other bulky washing, which the laundry entry's machines and prices do not say fit.
  bedding: ['duvet', 'duvets', 'comforter', 'quilt', 'blanket', 'blankets', 'rug', 'couette', 'couettes', 'edredon',
    'edredones', 'nordico', 'plumon', 'manta', 'mantas', 'cobija', 'cobijas', 'alfombra', 'لحاف', 'لحافات', 'بطانية',
    'بطانيات', 'زربية', 'ковдра', 'ковдру', 'ковдри', 'плед', 'килим', 'килимок'],
  // Someone else collecting a parcel with a signed authority, which the parcel entry's ID and neighbours do not cover.
  proxy: ['proxy', 'power of attorney', 'letter of authorisation', 'procuration', 'procurations', 'carta poder',
    'poder notarial', 'autorizacion firmada', 'توكيل', 'تفويض', 'доручення', 'довіреність', 'довіреністю'],
  // A foreign passport or papers from one's own country, which the town hall does not issue.
  consulate: ['consulate', 'embassy', 'consulat', 'ambassade', 'consulado', 'embajada', 'قنصلية', 'القنصلية',
    'سفارة', 'السفارة', 'консульство', 'консульстві', 'консульства', 'посольство', 'посольстві'],
  // Starting school in the middle of the year, which the enrolment entry's September registrations do not cover.
  midyear: ['mid year', 'mid-year', 'middle of the year', 'middle of term', 'en cours d annee', 'en milieu d annee',
    'milieu de l annee', 'a mitad de ano', 'a mitad de curso', 'a mitad del curso', 'mitad de ano', 'en medio del curso',
    'في نص العام', 'في نص السنة', 'في وسط السنة', 'فنص العام', 'посеред року', 'в середині року',
    'посеред навчального року'],
  // Returning books when the library is shut, which its opening hours do not cover.
  bookreturn: ['drop box', 'book drop', 'return box', 'return books', 'return the books', 'return my books',
    'boite de retour', 'boite retour', 'rendre les livres', 'rendre mes livres', 'rendre des livres', 'buzon de devolucion',
    'devolver los libros', 'devolver libros', 'devolver mis libros', 'نرجع الكتب', 'ارجاع الكتب', 'نرد الكتب',
    'повернути книжки', 'повернути книги', 'здати книжки', 'здати книги'],
  // A damaged bin, which the collection days do not replace.
  binrepair: ['broken bin', 'cracked bin', 'damaged bin', 'bin is broken', 'bin is cracked', 'wheel came off',
    'poubelle cassee', 'bac casse', 'bac abime', 'poubelle abimee', 'roue cassee', 'contenedor roto', 'cubo roto',
    'contenedor danado', 'الزبالة مكسورة', 'الحاوية مكسورة', 'البوبال مكسورة', 'зламаний бак', 'бак зламаний',
    'зламаний контейнер', 'тріснув бак'],
  // Who bears the cost of a repair or damage (the tenant, the landlord, the neighbour above, their insurers), which the
  // repair entry's numbers to call do not say.
  whopays: ['who pays', 'who has to pay', 'who should pay', 'who is paying', 'constat amiable', 'constat', 'qui paie',
    'qui paye', 'qui doit payer', 'qui va payer', 'quien paga', 'quien tiene que pagar', 'quien lo paga',
    'quien tiene q pagar', 'شكون يخلص', 'شكون اللي يخلص', 'مين بيدفع', 'مين يدفع', 'مين لازم يدفع', 'مين رح يدفع',
    'хто платить', 'хто оплачує', 'хто має платити', 'хто має оплатити', 'хто буде платити'],
  // Power sockets, said as the French loan word that Arabic and Ukrainian writers use too, beside the bike room.
  socket: ['prise', 'prises', 'des prises', 'prise de courant', 'prises de courant'],
  // Things a neighbour left out, said as who did it, not how to book a pickup of one's own (but see PLAIN_PHRASES).
  dumpedby: ['someone dumped', 'someone has dumped', 'someone left a', 'somebody dumped', 'somebody left a',
    'quelqu un a laisse', 'quelqu un a depose', 'quelqu un a jete', 'alguien dejo', 'alguien tiro', 'alguien ha dejado',
    'alguien ha tirado', 'حدا رمى', 'واحد رمى', 'شي واحد رمى', 'واحد من الجيران رمى', 'شي حد لاح', 'хтось виставив',
    'хтось викинув', 'хтось залишив', 'хтось лишив'],
  // More ways to say the letterbox's key, not the letterbox's parcels.
  letterboxkey: ['cle de ma boite', 'cle de ma boite aux lettres', 'cles de la boite aux lettres', 'llave de mi buzon',
    'llave de buzon', 'llaves del buzon', 'key to my letterbox', 'key for the letterbox', 'key to the mailbox',
    'مفتاح الصندوق', 'مفتاح البواط', 'ключ від моєї скриньки', 'ключ від поштової', 'ключі від скриньки'],
  // Cutting off a lost badge or fob so no one else gets in, which the entry's new fob at the office does not say.
  deactivate: ['deactivate', 'deactivated', 'disable the fob', 'block the fob', 'block my fob', 'cancel my fob',
    'desactiver', 'desactive', 'desactivee', 'faire desactiver', 'bloquer le badge', 'bloquer mon badge', 'desactivar',
    'desactiven', 'desactivado', 'bloquear el badge', 'bloquear la tarjeta', 'يوقفوا البادج', 'يعطلوا البادج',
    'يبلوكيو', 'деактивувати', 'заблокувати', 'заблокували', 'заблокують'],
  // An entrance badge that stopped working but is not lost, which the entry's lost keys and new fob do not cover.
  deadfob: ['not lost', 'isn t lost', 'pas perdu', 'pas perdue', 'je l ai pas perdu', 'no lo perdi', 'no la perdi',
    'no esta perdido', 'ماشي ضايع', 'مش ضايع', 'مو ضايع', 'ما ضاع', 'не загубив', 'не загубила', 'не губив',
    'не губила', 'fob stopped working', 'fob is dead', 'dead fob', 'fob not working', 'fob doesn t work',
    'badge ne marche plus', 'badge ne fonctionne plus', 'badge marche plus', 'badge ya no funciona',
    'badge no funciona', 'badge не працює', 'бейдж не працює', 'чіп не працює'],
  // The co-owners' council and, in Ukrainian, the building association (OSBB) that runs it, not the building manager.
  council: ['conseil syndical', 'membre du conseil syndical', 'residents committee', 'building committee',
    'consejo sindical', 'junta de propietarios', 'comunidad de vecinos', 'المجلس النقابي', 'مجلس السكان',
    'لجنة السكان', 'осбб', 'голова осбб', 'будинковий комітет', 'домком'],
  // Neighbourhood festivities, which the common room's booking does not organise.
  neighbourevent: ['fete des voisins', 'fete de quartier', 'fete du quartier', 'street party', 'block party',
    'neighbours day', 'neighbours party', 'fiesta de vecinos', 'fiesta de los vecinos', 'fiesta del barrio',
    'dia de los vecinos', 'عيد الجيران', 'حفلة الجيران', 'حفلة الحي', 'свято сусідів', 'день сусідів', 'свято двору'],
  // Getting one's money back, said with "my money", which none of the answers' prices and payments cover.
  moneyback: ['get my money back', 'recuperer mon argent', 'recuperer mes sous', 'recuperar mi dinero',
    'recuperar la plata', 'استرجع فلوسي', 'نسترجع فلوسي', 'ترجعلي فلوسي', 'يرجعولي فلوسي', 'نرجع فلوسي',
    'повернути мої гроші', 'повернуть гроші'],
  // A price by the hour, said the French way, beside the entries' parking places.
  hourlyprice: ['coute a l heure', 'coute combien a l heure', 'c est combien de l heure',
    'بقداش الساعة', 'بشحال الساعة'],
  // A letter lost in the post, which the post office's hours and the parcels' pickup do not trace.
  lostmail: ['lost letter', 'letter never arrived', 'letter got lost', 'lettre perdue', 'courrier perdu',
    'lettre jamais arrivee', 'carta perdida', 'la carta no llego', 'se perdio la carta', 'الرسالة ضاعت', 'الجواب ضاع',
    'الرسالة ما وصلت', 'лист загубився', 'лист не прийшов', 'лист не дійшов'],
};

/**
 * Phrases that begin with a phrase of NEAR_TOPICS and mean something else, read word by word. Tokens keep no
 * one-letter word, so "someone left a" is read as "someone left", and "someone left me a note" is no rubbish left
 * out; what one has run out of is a supply used up ("ran out of his tablets"), not a permit that has expired.
 */
export const PLAIN_PHRASES: readonly string[] = [
  'someone left me', 'someone left us', 'somebody left me', 'somebody left us', 'someone has left me',
  'someone has left us', 'somebody has left me', 'somebody has left us',
  'run out of', 'ran out of', 'runs out of', 'running out of', 'has run out of', 'have run out of', 'had run out of',
];
