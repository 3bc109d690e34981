/**
 * Name pools for the fictional persons of the demo registry. Every person is a random combination of a common
 * given name and a common family name of a region: nobody in the demo is a real person. Family names borne by
 * well-known war criminals, suspects and public figures are left out on purpose (names.test.ts keeps a list).
 * Each name carries its transliterations (the first is the usual one) and, where the region writes in another
 * script, its native spelling: matching must find `Muhammad Alhasan` when looking for `Mohammed al-Hassan`.
 */

export interface NameForms {
  /** Latin-script spellings, the usual one first. */
  latin: readonly string[];
  /** The spelling in the region's own script (Arabic, Persian or Cyrillic), where it has one. */
  native?: string;
}

export interface NameRegion {
  /** ISO 3166-1 alpha-3. */
  nationality: string;
  given: { male: readonly NameForms[]; female: readonly NameForms[] };
  family: readonly NameForms[];
  /** Arabic naming often puts the father's given name between the given and the family name. */
  fathersNameOften?: boolean;
  /** Russian family names take a feminine ending for women (Orlov → Orlova). */
  feminineFamilyEnding?: { latin: string; native: string };
}

function name(latin: string | readonly string[], native?: string): NameForms {
  return native === undefined ? { latin: typeof latin === 'string' ? [latin] : latin } : { latin: typeof latin === 'string' ? [latin] : latin, native };
}

const ARABIC_MALE: readonly NameForms[] = [
  name(['Mohammed', 'Muhammad', 'Mohamad', 'Mohamed'], 'محمد'),
  name(['Ahmad', 'Ahmed'], 'أحمد'),
  name(['Mahmoud', 'Mahmud', 'Mahmood'], 'محمود'),
  name(['Khaled', 'Khalid'], 'خالد'),
  name(['Omar', 'Umar'], 'عمر'),
  name(['Ali', 'Aly'], 'علي'),
  name(['Hassan', 'Hasan'], 'حسن'),
  name(['Hussein', 'Husayn', 'Hussain'], 'حسين'),
  name(['Youssef', 'Yusuf', 'Yousef'], 'يوسف'),
  name(['Ibrahim', 'Ebrahim'], 'إبراهيم'),
  name(['Abdullah', 'Abdallah', 'Abdulla'], 'عبد الله'),
  name(['Mustafa', 'Moustafa', 'Mostafa'], 'مصطفى'),
  name(['Samir', 'Sameer'], 'سمير'),
  name(['Walid', 'Waleed'], 'وليد'),
  name(['Tariq', 'Tarek', 'Tareq'], 'طارق'),
  name(['Bassam', 'Basam'], 'بسام'),
  name(['Firas', 'Feras'], 'فراس'),
  name(['Ammar', 'Amar'], 'عمار'),
  name(['Nabil', 'Nabeel'], 'نبيل'),
  name(['Karim', 'Kareem'], 'كريم'),
];

const ARABIC_FEMALE: readonly NameForms[] = [
  name(['Fatima', 'Fatma', 'Fatimah'], 'فاطمة'),
  name(['Aisha', 'Aicha', 'Ayesha'], 'عائشة'),
  name(['Maryam', 'Mariam'], 'مريم'),
  name(['Layla', 'Leila', 'Laila'], 'ليلى'),
  name(['Rania', 'Ranya'], 'رانيا'),
  name(['Huda', 'Hoda'], 'هدى'),
  name(['Zainab', 'Zeinab', 'Zaynab'], 'زينب'),
  name(['Nour', 'Noor', 'Nur'], 'نور'),
  name(['Samira', 'Sameera'], 'سميرة'),
  name(['Amal'], 'أمل'),
];

const SYRIAN_FAMILY: readonly NameForms[] = [
  name(['al-Hassan', 'Alhasan', 'El Hassan', 'Al Hasan'], 'الحسن'),
  name(['al-Khatib', 'Alkhatib', 'El Khatib'], 'الخطيب'),
  name(['al-Ahmad', 'Alahmad', 'Al Ahmed'], 'الأحمد'),
  name(['Haddad', 'Hadad'], 'حداد'),
  name(['Khalil', 'Khaleel'], 'خليل'),
  name(['Mansour', 'Mansur'], 'منصور'),
  name(['Darwish', 'Darwiche', 'Derwish'], 'درويش'),
  name(['Hamdan'], 'حمدان'),
  name(['Othman', 'Uthman', 'Osman'], 'عثمان'),
  name(['Hijazi', 'Hejazi'], 'حجازي'),
  name(['al-Najjar', 'Alnajjar', 'Najjar'], 'النجار'),
  name(['al-Halabi', 'Alhalabi', 'Halabi'], 'الحلبي'),
  name(['Sabbagh', 'Sabagh'], 'صباغ'),
  name(['al-Attar', 'Alattar', 'Attar'], 'العطار'),
  name(['al-Shami', 'Alshami', 'Shami'], 'الشامي'),
];

const IRAQI_FAMILY: readonly NameForms[] = [
  name(['al-Obeidi', 'Alobaidi', 'Al Ubaidi'], 'العبيدي'),
  name(['al-Jubouri', 'Aljuboori', 'Al Jabouri'], 'الجبوري'),
  name(['al-Dulaimi', 'Aldulaimi', 'Al Dulaymi'], 'الدليمي'),
  name(['al-Shammari', 'Alshammari', 'Al Shamari'], 'الشمري'),
  name(['al-Tamimi', 'Altamimi'], 'التميمي'),
  name(['Kadhim', 'Kazem', 'Kadim'], 'كاظم'),
  name(['Jassim', 'Jasim'], 'جاسم'),
  name(['Hamoudi', 'Hamudi'], 'حمودي'),
  name(['Khalil', 'Khaleel'], 'خليل'),
  name(['Darwish', 'Derwish'], 'درويش'),
];

const AFGHAN_MALE: readonly NameForms[] = [
  name(['Abdul Wahid', 'Abdulwahid'], 'عبدالواحد'),
  name(['Habibullah', 'Habib Ullah', 'Habibollah'], 'حبیب‌الله'),
  name(['Rahmatullah', 'Rahmatollah'], 'رحمت‌الله'),
  name(['Farid', 'Fareed'], 'فرید'),
  name(['Jawad', 'Javad'], 'جواد'),
  name(['Nasir', 'Naser'], 'نصیر'),
  name(['Sayed', 'Sayyid', 'Said'], 'سید'),
  name(['Khalil'], 'خلیل'),
  name(['Shafiq', 'Shafik'], 'شفیق'),
  name(['Qadir', 'Ghader'], 'قدیر'),
  name(['Wahidullah', 'Wahid Ullah'], 'وحیدالله'),
];

const AFGHAN_FEMALE: readonly NameForms[] = [
  name(['Zarghona', 'Zarghuna'], 'زرغونه'),
  name(['Fariba'], 'فریبا'),
  name(['Shabnam'], 'شبنم'),
  name(['Gulalai', 'Gulalei'], 'گلالی'),
  name(['Freshta', 'Fereshteh'], 'فرشته'),
];

const AFGHAN_FAMILY: readonly NameForms[] = [
  name(['Amiri', 'Emiri'], 'امیری'),
  name(['Rahimi', 'Rahemi'], 'رحیمی'),
  name(['Hashimi', 'Hashemi'], 'هاشمی'),
  name(['Noori', 'Nuri'], 'نوری'),
  name(['Sultani', 'Soltani'], 'سلطانی'),
  name(['Safi'], 'صافی'),
  name(['Wardak', 'Wardag'], 'وردک'),
  name(['Sadat', 'Saadat'], 'سادات'),
  name(['Azizi'], 'عزیزی'),
  name(['Haidari', 'Heydari'], 'حیدری'),
  name(['Qaderi', 'Ghaderi'], 'قادری'),
  name(['Popal'], 'پوپل'),
];

const IRANIAN_MALE: readonly NameForms[] = [
  name(['Reza'], 'رضا'),
  name(['Hossein', 'Hosein'], 'حسین'),
  name(['Mehdi', 'Mahdi'], 'مهدی'),
  name(['Majid', 'Madjid'], 'مجید'),
  name(['Saeed', 'Saeid'], 'سعید'),
  name(['Amir'], 'امیر'),
  name(['Farhad'], 'فرهاد'),
  name(['Babak'], 'بابک'),
  name(['Behrouz', 'Behruz'], 'بهروز'),
  name(['Kourosh', 'Kurosh'], 'کوروش'),
];

const IRANIAN_FEMALE: readonly NameForms[] = [
  name(['Zahra'], 'زهرا'),
  name(['Shirin'], 'شیرین'),
  name(['Maryam'], 'مریم'),
  name(['Nasrin'], 'نسرین'),
  name(['Parisa'], 'پریسا'),
];

const IRANIAN_FAMILY: readonly NameForms[] = [
  name(['Karimi', 'Karimy'], 'کریمی'),
  name(['Moradi'], 'مرادی'),
  name(['Hosseini', 'Hoseini'], 'حسینی'),
  name(['Jafari', 'Djafari'], 'جعفری'),
  name(['Sadeghi', 'Sadeqi'], 'صادقی'),
  name(['Kazemi', 'Kazimi'], 'کاظمی'),
  name(['Najafi'], 'نجفی'),
  name(['Tavakoli', 'Tavakkoli'], 'توکلی'),
  name(['Shirazi'], 'شیرازی'),
  name(['Farahani'], 'فراهانی'),
  name(['Ebrahimi', 'Ibrahimi'], 'ابراهیمی'),
  name(['Sharifi'], 'شریفی'),
];

const UKRAINIAN_MALE: readonly NameForms[] = [
  name(['Oleksandr', 'Olexandr', 'Aleksandr'], 'Олександр'),
  name(['Serhiy', 'Serhii', 'Sergiy'], 'Сергій'),
  name(['Andriy', 'Andrii'], 'Андрій'),
  name(['Dmytro', 'Dmitro'], 'Дмитро'),
  name(['Mykola', 'Mikola'], 'Микола'),
  name(['Yuriy', 'Yurii'], 'Юрій'),
  name(['Oleh', 'Oleg'], 'Олег'),
  name(['Pavlo'], 'Павло'),
  name(['Ihor', 'Igor'], 'Ігор'),
  name(['Vasyl', 'Vasil'], 'Василь'),
];

const UKRAINIAN_FEMALE: readonly NameForms[] = [
  name(['Olena', 'Elena'], 'Олена'),
  name(['Iryna', 'Irina'], 'Ірина'),
  name(['Nataliia', 'Natalia', 'Natalya'], 'Наталія'),
  name(['Tetiana', 'Tetyana', 'Tatiana'], 'Тетяна'),
  name(['Svitlana', 'Svetlana'], 'Світлана'),
];

const UKRAINIAN_FAMILY: readonly NameForms[] = [
  name(['Kovalenko'], 'Коваленко'),
  name(['Bondarenko'], 'Бондаренко'),
  name(['Kravchenko'], 'Кравченко'),
  name(['Moroz'], 'Мороз'),
  name(['Lysenko', 'Lisenko'], 'Лисенко'),
  name(['Petrenko'], 'Петренко'),
  name(['Rudenko'], 'Руденко'),
  name(['Kovalchuk', 'Kovalchouk'], 'Ковальчук'),
  name(['Polishchuk', 'Polischuk'], 'Поліщук'),
  name(['Sydorenko', 'Sidorenko'], 'Сидоренко'),
  name(['Pavlenko'], 'Павленко'),
  name(['Savchuk'], 'Савчук'),
];

const RUSSIAN_MALE: readonly NameForms[] = [
  name(['Aleksandr', 'Alexander', 'Alexandr'], 'Александр'),
  name(['Sergei', 'Sergey'], 'Сергей'),
  name(['Dmitri', 'Dmitry'], 'Дмитрий'),
  name(['Nikolai', 'Nikolay'], 'Николай'),
  name(['Andrei', 'Andrey'], 'Андрей'),
  name(['Maksim', 'Maxim'], 'Максим'),
  name(['Artyom', 'Artem'], 'Артём'),
  name(['Denis'], 'Денис'),
  name(['Roman'], 'Роман'),
  name(['Ilya', 'Ilia'], 'Илья'),
];

const RUSSIAN_FEMALE: readonly NameForms[] = [
  name(['Yelena', 'Elena'], 'Елена'),
  name(['Tatyana', 'Tatiana'], 'Татьяна'),
  name(['Anna'], 'Анна'),
  name(['Olga'], 'Ольга'),
];

const RUSSIAN_FAMILY: readonly NameForms[] = [
  name(['Morozov'], 'Морозов'),
  name(['Semyonov', 'Semenov'], 'Семёнов'),
  name(['Yegorov', 'Egorov'], 'Егоров'),
  name(['Orlov'], 'Орлов'),
  name(['Belov'], 'Белов'),
  name(['Zaytsev', 'Zaitsev'], 'Зайцев'),
  name(['Golubev'], 'Голубев'),
  name(['Vinogradov'], 'Виноградов'),
  name(['Tarasov'], 'Тарасов'),
  name(['Sorokin'], 'Сорокин'),
  name(['Gusev'], 'Гусев'),
  name(['Fomin'], 'Фомин'),
  name(['Bobrov'], 'Бобров'),
];

const RWANDAN_MALE: readonly NameForms[] = [
  name('Emmanuel'),
  name('Innocent'),
  name(['Théogène', 'Theogene']),
  name(['Célestin', 'Celestin']),
  name('Faustin'),
  name('Aloys'),
  name(['Vénuste', 'Venuste']),
  name(['Fidèle', 'Fidele']),
  name(['Eugène', 'Eugene']),
  name('Jean-Pierre'),
];

const RWANDAN_FEMALE: readonly NameForms[] = [
  name(['Béatrice', 'Beatrice']),
  name('Claudine'),
  name(['Immaculée', 'Immaculee']),
  name(['Agnès', 'Agnes']),
  name('Jeanne'),
];

const RWANDAN_FAMILY: readonly NameForms[] = [
  name('Habimana'),
  name('Niyonzima'),
  name('Uwimana'),
  name('Ndayisaba'),
  name('Hakizimana'),
  name('Nshimiyimana'),
  name('Tuyishime'),
  name('Niyonsenga'),
  name('Mukeshimana'),
  name('Maniraguha'),
  name('Habiyaremye'),
  name('Uwamahoro'),
  name('Nsengimana'),
  name('Twizeyimana'),
];

const ERITREAN_MALE: readonly NameForms[] = [
  name(['Tesfaye', 'Tesfay']),
  name('Yonas'),
  name(['Dawit', 'Dawid']),
  name('Mehari'),
  name(['Berhane', 'Birhane']),
  name(['Kidane', 'Kidan']),
  name(['Amanuel', 'Emanuel']),
  name(['Filmon', 'Filemon']),
  name('Semere'),
];

const ERITREAN_FEMALE: readonly NameForms[] = [
  name(['Senait', 'Senayt']),
  name('Mebrat'),
  name(['Tsega', 'Tsige']),
  name(['Selam', 'Salam']),
  name('Rahwa'),
];

const ERITREAN_FAMILY: readonly NameForms[] = [
  name(['Tesfamariam', 'Tesfamaryam']),
  name(['Ghebremedhin', 'Gebremedhin']),
  name('Habtemariam'),
  name(['Woldemichael', 'Weldemichael']),
  name('Tekeste'),
  name('Andemariam'),
  name('Kahsay'),
  name('Berhe'),
  name(['Ghebrehiwet', 'Gebrehiwet']),
];

const ETHIOPIAN_MALE: readonly NameForms[] = [
  name('Getachew'),
  name(['Tadesse', 'Tadese']),
  name('Girma'),
  name('Mulugeta'),
  name('Worku'),
  name('Abebe'),
  name('Solomon'),
];

const ETHIOPIAN_FEMALE: readonly NameForms[] = [name('Almaz'), name('Tigist'), name('Meseret'), name('Hirut')];

const ETHIOPIAN_FAMILY: readonly NameForms[] = [
  name(['Wolde', 'Welde']),
  name('Gebeyehu'),
  name('Desta'),
  name(['Mekonnen', 'Makonnen']),
  name('Asfaw'),
  name('Tefera'),
  name('Ayele'),
  name(['Demissie', 'Demisse']),
  name('Negash'),
];

const SRI_LANKAN_MALE: readonly NameForms[] = [
  name('Sivakumar'),
  name('Suresh'),
  name('Prakash'),
  name(['Jeyakumar', 'Jayakumar']),
  name('Selvam'),
  name('Nimal'),
  name('Ruwan'),
  name('Chaminda'),
];

const SRI_LANKAN_FEMALE: readonly NameForms[] = [name('Malathi'), name('Nirosha'), name('Dilani'), name('Kalaivani')];

const SRI_LANKAN_FAMILY: readonly NameForms[] = [
  name('Sivanathan'),
  name(['Thambirajah', 'Thambiraja']),
  name('Selvarajah'),
  name(['Kandasamy', 'Kanthasamy']),
  name(['Nadarajah', 'Nadaraja']),
  name('Jayasinghe'),
  name(['Wijesinghe', 'Wijesinha']),
  name('Bandara'),
  name('Ratnayake'),
];

const LIBERIAN_MALE: readonly NameForms[] = [
  name('Moses'),
  name('Joseph'),
  name('Samuel'),
  name('Augustine'),
  name('Jerome'),
  name('Isaac'),
];

const LIBERIAN_FEMALE: readonly NameForms[] = [name('Musu'), name('Mamie'), name('Comfort'), name('Korto')];

const LIBERIAN_FAMILY: readonly NameForms[] = [
  name('Kollie'),
  name('Flomo'),
  name('Sumo'),
  name('Dolo'),
  name('Kpadeh'),
  name('Zarwolo'),
  name('Pewee'),
  name('Gbarr'),
  name('Tarpeh'),
  name('Wleh'),
];

export const NAME_REGIONS = {
  syria: { nationality: 'SYR', given: { male: ARABIC_MALE, female: ARABIC_FEMALE }, family: SYRIAN_FAMILY, fathersNameOften: true },
  iraq: { nationality: 'IRQ', given: { male: ARABIC_MALE, female: ARABIC_FEMALE }, family: IRAQI_FAMILY, fathersNameOften: true },
  afghanistan: { nationality: 'AFG', given: { male: AFGHAN_MALE, female: AFGHAN_FEMALE }, family: AFGHAN_FAMILY },
  iran: { nationality: 'IRN', given: { male: IRANIAN_MALE, female: IRANIAN_FEMALE }, family: IRANIAN_FAMILY },
  rwanda: { nationality: 'RWA', given: { male: RWANDAN_MALE, female: RWANDAN_FEMALE }, family: RWANDAN_FAMILY },
  ukraine: { nationality: 'UKR', given: { male: UKRAINIAN_MALE, female: UKRAINIAN_FEMALE }, family: UKRAINIAN_FAMILY },
  russia: {
    nationality: 'RUS',
    given: { male: RUSSIAN_MALE, female: RUSSIAN_FEMALE },
    family: RUSSIAN_FAMILY,
    feminineFamilyEnding: { latin: 'a', native: 'а' },
  },
  eritrea: { nationality: 'ERI', given: { male: ERITREAN_MALE, female: ERITREAN_FEMALE }, family: ERITREAN_FAMILY },
  ethiopia: { nationality: 'ETH', given: { male: ETHIOPIAN_MALE, female: ETHIOPIAN_FEMALE }, family: ETHIOPIAN_FAMILY },
  'sri-lanka': { nationality: 'LKA', given: { male: SRI_LANKAN_MALE, female: SRI_LANKAN_FEMALE }, family: SRI_LANKAN_FAMILY },
  liberia: { nationality: 'LBR', given: { male: LIBERIAN_MALE, female: LIBERIAN_FEMALE }, family: LIBERIAN_FAMILY },
} as const satisfies Record<string, NameRegion>;

export type RegionName = keyof typeof NAME_REGIONS;

export const REGION_NAMES = Object.keys(NAME_REGIONS) as RegionName[];

export function nameRegion(region: RegionName): NameRegion {
  return NAME_REGIONS[region];
}
