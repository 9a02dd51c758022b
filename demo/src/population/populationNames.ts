/**
 * Name tables for the fictional demo population (`population.ts`): person names by nationality,
 * streets and postcodes of the towns, invented employers and course providers. Kept apart so
 * that the generator stays readable.
 *
 * Every person in the demo is invented: given and family names are common ones of each country,
 * combined at random, so that no combination points to a real person. Employers and providers
 * are invented names too.
 */
import type { Town } from '@kim/schema';

/** The nationalities of the demo population, as German country names (as German records write them). */
export const NATIONALITIES = [
  'Syrien',
  'Ukraine',
  'Afghanistan',
  'Irak',
  'Türkei',
  'Iran',
  'Eritrea',
  'Guinea',
  'Nigeria',
  'Somalia',
  'Indien',
] as const;
export type Nationality = (typeof NATIONALITIES)[number];

/** Given names by gender and family names for one nationality, transliterated as in German documents. */
export interface NamePool {
  readonly male: readonly string[];
  readonly female: readonly string[];
  readonly family: readonly string[];
}

export const NAMES: Record<Nationality, NamePool> = {
  Syrien: {
    male: ['Mohammad', 'Ahmad', 'Omar', 'Khaled', 'Mahmoud', 'Yousef', 'Ali', 'Hassan', 'Abdulrahman', 'Firas', 'Rami', 'Samer', 'Tarek', 'Ibrahim', 'Hussam', 'Wael', 'Majd', 'Shervan'],
    female: ['Fatima', 'Aya', 'Rania', 'Lina', 'Nour', 'Hiba', 'Rasha', 'Dima', 'Reem', 'Sara', 'Yasmin', 'Amal', 'Huda', 'Layla', 'Ruba', 'Bushra', 'Rojin'],
    family: ['Al-Hassan', 'Haddad', 'Khalil', 'Darwish', 'Kassem', 'Othman', 'Hamdan', 'Nasser', 'Al-Ahmad', 'Suleiman', 'Mansour', 'Saleh', 'Hamoud', 'Al-Khatib', 'Jaber', 'Ismail', 'Sheikho', 'Hammo', 'Al-Omar', 'Zein'],
  },
  Ukraine: {
    // Only surnames without a gendered form, so that any given name fits any family name.
    male: ['Oleksandr', 'Andrii', 'Dmytro', 'Serhii', 'Maksym', 'Ivan', 'Yurii', 'Bohdan', 'Taras', 'Vitalii', 'Mykola', 'Artem'],
    female: ['Olena', 'Iryna', 'Nataliia', 'Tetiana', 'Oksana', 'Kateryna', 'Yuliia', 'Anastasiia', 'Svitlana', 'Viktoriia', 'Mariia', 'Khrystyna', 'Daryna', 'Alina', 'Halyna', 'Sofiia'],
    family: ['Shevchenko', 'Kovalenko', 'Bondarenko', 'Tkachenko', 'Kravchenko', 'Melnyk', 'Boiko', 'Moroz', 'Lysenko', 'Rudenko', 'Savchenko', 'Marchenko', 'Polishchuk', 'Kovalchuk', 'Oliinyk', 'Pavlenko', 'Kuzmenko', 'Levchenko', 'Honcharuk', 'Tkachuk'],
  },
  Afghanistan: {
    male: ['Ahmad', 'Mohammad', 'Farid', 'Jawad', 'Hamid', 'Naveed', 'Sayed', 'Wahid', 'Mustafa', 'Zabihullah', 'Rahim', 'Najib', 'Bilal', 'Samiullah', 'Murtaza', 'Habib'],
    female: ['Fatima', 'Zahra', 'Maryam', 'Nargis', 'Shabnam', 'Farzana', 'Parwana', 'Mahbooba', 'Roya', 'Zainab', 'Laila', 'Habiba', 'Marzia', 'Sodaba'],
    family: ['Ahmadi', 'Rahimi', 'Hashimi', 'Haidari', 'Sultani', 'Noori', 'Amiri', 'Karimi', 'Sadat', 'Popal', 'Stanikzai', 'Mohammadi', 'Hakimi', 'Azizi', 'Safi', 'Rezayee', 'Jafari', 'Hussaini'],
  },
  Irak: {
    male: ['Ali', 'Hussein', 'Mustafa', 'Ahmed', 'Haider', 'Abbas', 'Karrar', 'Mohammed', 'Zaid', 'Saif', 'Ammar', 'Rebwar', 'Dilshad', 'Shivan', 'Kawa', 'Khairi'],
    female: ['Zainab', 'Noor', 'Sara', 'Maryam', 'Fatima', 'Shilan', 'Rozhin', 'Hana', 'Shahad', 'Zahraa', 'Avin', 'Bahar', 'Nadia'],
    family: ['Al-Jubouri', 'Al-Tamimi', 'Al-Saadi', 'Hassan', 'Kadhim', 'Jawad', 'Abdullah', 'Hawrami', 'Mahmood', 'Salih', 'Qadir', 'Rashid', 'Khudhur', 'Murad', 'Khalaf', 'Haji', 'Al-Obaidi'],
  },
  Türkei: {
    male: ['Mehmet', 'Mustafa', 'Ahmet', 'Emre', 'Burak', 'Serkan', 'Can', 'Baran', 'Rojhat', 'Deniz', 'Murat', 'Yusuf', 'Hakan', 'Ferhat', 'Kadir'],
    female: ['Zeynep', 'Elif', 'Ayşe', 'Merve', 'Büşra', 'Derya', 'Rojda', 'Berfin', 'Esra', 'Gülsüm', 'Selin', 'Hatice', 'Dilan'],
    family: ['Yılmaz', 'Kaya', 'Demir', 'Çelik', 'Şahin', 'Yıldız', 'Aydın', 'Öztürk', 'Arslan', 'Doğan', 'Kılıç', 'Aslan', 'Polat', 'Kurt', 'Özdemir', 'Tekin', 'Ekinci', 'Aktaş'],
  },
  Iran: {
    male: ['Reza', 'Ali', 'Amir', 'Mehdi', 'Hossein', 'Arash', 'Babak', 'Kaveh', 'Saeed', 'Omid', 'Farhad', 'Behnam', 'Navid', 'Pouya'],
    female: ['Maryam', 'Sara', 'Nazanin', 'Shirin', 'Leila', 'Parisa', 'Mahsa', 'Neda', 'Fatemeh', 'Zahra', 'Azadeh', 'Negar', 'Roya'],
    family: ['Mohammadi', 'Hosseini', 'Ahmadi', 'Rezaei', 'Moradi', 'Karimi', 'Jafari', 'Rahimi', 'Sadeghi', 'Ebrahimi', 'Ghasemi', 'Kazemi', 'Tehrani', 'Shirazi', 'Bahrami', 'Nouri'],
  },
  Eritrea: {
    // Eritrean family names are the father's given name; the pool therefore reads like given names.
    male: ['Yonas', 'Tesfay', 'Filmon', 'Dawit', 'Mehari', 'Yohannes', 'Semere', 'Kidane', 'Berhane', 'Habtom', 'Ermias', 'Natnael', 'Samuel'],
    female: ['Helen', 'Selam', 'Saba', 'Lidya', 'Senait', 'Feven', 'Mebrat', 'Rahel', 'Yordanos', 'Hiwet', 'Luwam', 'Winta', 'Eden'],
    family: ['Tesfamariam', 'Gebremedhin', 'Haile', 'Kidane', 'Tekle', 'Berhe', 'Woldu', 'Abraha', 'Mengsteab', 'Habte', 'Ghebremichael', 'Yemane', 'Asmerom', 'Tesfazion', 'Okbay'],
  },
  Guinea: {
    male: ['Mamadou', 'Alpha', 'Ibrahima', 'Ousmane', 'Abdoulaye', 'Amadou', 'Mohamed', 'Boubacar', 'Sekou', 'Lansana', 'Thierno', 'Souleymane', 'Alseny'],
    female: ['Fatoumata', 'Mariama', 'Aissatou', 'Kadiatou', 'Hawa', 'Aminata', 'Fanta', 'Djenabou', 'Ramatoulaye', 'Oumou', 'Hadja'],
    family: ['Diallo', 'Barry', 'Bah', 'Sow', 'Camara', 'Condé', 'Touré', 'Keïta', 'Sylla', 'Kouyaté', 'Baldé', 'Cissé', 'Soumah', 'Kourouma', 'Bangoura'],
  },
  Nigeria: {
    male: ['Chinedu', 'Emeka', 'Oluwaseun', 'Tunde', 'Ikechukwu', 'Osagie', 'Uche', 'Femi', 'Kelechi', 'Ifeanyi', 'Segun', 'Efosa', 'Ibrahim'],
    female: ['Blessing', 'Chioma', 'Ngozi', 'Adaeze', 'Funmilayo', 'Precious', 'Osasere', 'Joy', 'Favour', 'Amaka', 'Ifeoma', 'Esther', 'Omolara'],
    family: ['Okafor', 'Okonkwo', 'Adeyemi', 'Eze', 'Nwosu', 'Osagie', 'Igbinovia', 'Olawale', 'Ogunleye', 'Uzoma', 'Obi', 'Balogun', 'Ekwueme', 'Idahosa', 'Oyelaran'],
  },
  Somalia: {
    // Somali family names are the father's (or grandfather's) given name.
    male: ['Abdi', 'Mohamed', 'Ahmed', 'Abdullahi', 'Hassan', 'Ali', 'Omar', 'Yusuf', 'Abdirahman', 'Mahad', 'Liban', 'Guled', 'Farah'],
    female: ['Hodan', 'Asha', 'Fadumo', 'Hawa', 'Amina', 'Sahra', 'Ifrah', 'Nimo', 'Hibo', 'Ayan', 'Ubah', 'Safiya', 'Ladan'],
    family: ['Mohamed', 'Abdi', 'Hassan', 'Ali', 'Farah', 'Warsame', 'Jama', 'Osman', 'Aden', 'Ibrahim', 'Nur', 'Hersi', 'Yusuf', 'Dahir', 'Elmi'],
  },
  Indien: {
    male: ['Rahul', 'Arjun', 'Vikram', 'Karthik', 'Rohan', 'Aditya', 'Sanjay', 'Pranav', 'Siddharth', 'Nikhil'],
    female: ['Priya', 'Ananya', 'Kavya', 'Divya', 'Sneha', 'Pooja', 'Lakshmi', 'Meera', 'Nandini', 'Shreya'],
    family: ['Sharma', 'Patel', 'Reddy', 'Iyer', 'Nair', 'Gupta', 'Rao', 'Singh', 'Menon', 'Kulkarni', 'Joshi', 'Pillai'],
  },
};

/** Postcodes of each town (a town may have several). */
export const POSTCODES: Record<Town, readonly string[]> = {
  NEUSS: ['41460', '41462', '41464', '41466', '41468', '41469', '41470', '41472'],
  DORMAGEN: ['41539', '41540', '41541', '41542'],
  GREVENBROICH: ['41515', '41516', '41517'],
  MEERBUSCH: ['40667', '40668', '40670'],
  KAARST: ['41564'],
  KORSCHENBROICH: ['41352'],
  JUECHEN: ['41363'],
  ROMMERSKIRCHEN: ['41569'],
};

/** Street names common to most German towns, so that no address singles out a real building. */
export const STREETS: readonly string[] = [
  'Bahnhofstraße', 'Kirchstraße', 'Lindenstraße', 'Gartenstraße', 'Schulstraße', 'Hauptstraße', 'Feldstraße',
  'Mühlenweg', 'Rosenweg', 'Ahornweg', 'Birkenallee', 'Wiesenweg', 'Bergstraße', 'Ringstraße', 'Am Sportplatz',
  'Goethestraße', 'Schillerstraße', 'Blumenstraße', 'Talstraße', 'Parkstraße', 'Friedrichstraße', 'Poststraße',
  'Im Winkel', 'Kastanienweg', 'Buchenweg', 'Eichendorffstraße', 'Am Weiher', 'Ulmenweg', 'Weidenstraße', 'Drosselweg',
];

/** Invented employers for job, apprenticeship and internship placements. */
export const EMPLOYERS: readonly string[] = [
  'Erftauen Logistik GmbH', 'Bäckerei Kornblume', 'Nordkanal Gebäudeservice GmbH', 'Pflegedienst Lindenhof Neuss',
  'Autowerkstatt Quirinusring', 'Hafenbecken Gastronomie GmbH', 'Malerbetrieb Hövelkamp', 'Lagertechnik Gillbach GmbH',
  'Seniorenzentrum Am Stadtgarten', 'Elektro Wevelinghoven KG', 'Supermarkt Frischecke', 'Rheinbogen Hotelbetriebe GmbH',
  'Kita Regenbogenland', 'Sanitär Brockhaus & Söhne', 'Paketzentrum Niers-Süd', 'Metallbau Gierath GmbH',
  'Friseursalon Haarwerk', 'Garten- und Landschaftsbau Kleinenbroicher Feld', 'Reinigungsservice Blitzblank',
  'IT-Service Kaarster Tor GmbH', 'Praxis für Zahnheilkunde am Markt', 'Spedition Erftstrom',
];

/** Invented providers of integration and job-related language courses. */
export const COURSE_PROVIDERS: readonly string[] = [
  'Sprachschule Rheinblick', 'Bildungswerk Erftaue', 'Lingua Niederrhein gGmbH', 'Sprachzentrum am Hafenbecken',
  'Akademie Nordkanal', 'Deutsch plus Jüchen', 'Sprachinstitut Schlossstraße',
];

/** Invented providers of jobcenter measures. */
export const MEASURE_PROVIDERS: readonly string[] = [
  'Berufsförderzentrum Nordkanal', 'Bildungswerk Erftaue', 'Qualifizierungsgesellschaft Rhein-Erft-Niers',
  'Werkstatt Zukunft gGmbH', 'Coaching-Büro Hammfeld', 'Jugendwerkstatt Dormagen-Nord',
];

/** Invented case managers, one per KIM position. */
export const CASE_MANAGER_NAMES: readonly string[] = [
  'Katharina Wienands', 'Jonas Breuer', 'Sevgi Altun', 'Markus Hendricks', 'Dragana Petrović', 'Tobias Lammertz',
];
