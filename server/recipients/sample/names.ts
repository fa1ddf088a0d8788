/**
 * Given names and surnames for the sample people, written with each language's own letters.
 * Surnames are the masculine (dictionary) form; feminineSurname() derives the other.
 */
import type { SampleLanguage } from './transliterate';

/** Given names by gender and the (masculine) surnames of one language. */
export interface NamePool {
  male: readonly string[];
  female: readonly string[];
  surnames: readonly string[];
}

/** Name pools for every sample language. */
export const NAMES: Record<SampleLanguage, NamePool> = {
  tr: {
    male: [
      'Mehmet', 'Mustafa', 'Ahmet', 'Ali', 'Hüseyin', 'Hasan', 'İbrahim', 'İsmail', 'Şükrü', 'Ömer', 'Yusuf', 'Murat',
      'Emre', 'Burak', 'Buğra', 'Çağlar', 'Oğuz', 'Kağan', 'Gökhan', 'Tolga', 'Serkan', 'Uğur', 'Barış', 'Doğukan',
    ],
    female: [
      'Ayşe', 'Fatma', 'Emine', 'Hatice', 'Zeynep', 'Elif', 'Gülşen', 'Çiğdem', 'Tuğba', 'Şükran', 'Özge', 'Büşra',
      'İpek', 'Işıl', 'Merve', 'Gizem', 'Dilek', 'Sevgi', 'Ebru', 'Gülay', 'Nazlı', 'Şule', 'Yağmur', 'Öykü',
    ],
    surnames: [
      'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir', 'Arslan',
      'Doğan', 'Kılıç', 'Aslan', 'Çetin', 'Kara', 'Koç', 'Kurt', 'Özkan', 'Şimşek', 'İnce', 'Güneş', 'Erdoğan',
      'Akgül', 'Uçar', 'Karaoğlu', 'Ağaoğlu', 'Çakır', 'Ünal', 'Işık', 'Bozkurt', 'Türkmen',
    ],
  },
  ru: {
    male: [
      'Александр', 'Сергей', 'Дмитрий', 'Андрей', 'Алексей', 'Ярослав', 'Михаил', 'Иван', 'Николай', 'Юрий',
      'Владимир', 'Евгений', 'Павел', 'Фёдор', 'Артём', 'Илья', 'Олег', 'Григорий', 'Вячеслав', 'Тимофей',
    ],
    female: [
      'Елена', 'Ольга', 'Наталья', 'Татьяна', 'Ирина', 'Светлана', 'Юлия', 'Анна', 'Мария', 'Екатерина',
      'Ксения', 'Дарья', 'Людмила', 'Алёна', 'Евгения', 'Вера', 'Надежда', 'Софья', 'Полина', 'Валентина',
    ],
    surnames: [
      'Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Соколов', 'Лебедев', 'Новиков', 'Морозов', 'Волков', 'Соловьёв',
      'Васильев', 'Зайцев', 'Павлов', 'Семёнов', 'Голубев', 'Виноградов', 'Богданов', 'Воробьёв', 'Фёдоров',
      'Михайлов', 'Королёв', 'Ильин', 'Никитин', 'Щербаков', 'Журавлёв', 'Вишневский', 'Шевченко', 'Ким',
      'Жуков', 'Чернышёв',
    ],
  },
  pl: {
    male: [
      'Piotr', 'Krzysztof', 'Andrzej', 'Tomasz', 'Paweł', 'Michał', 'Marcin', 'Łukasz', 'Jakub', 'Grzegorz',
      'Wojciech', 'Mateusz', 'Bartłomiej', 'Maciej', 'Przemysław', 'Zbigniew', 'Jarosław', 'Sławomir',
    ],
    female: [
      'Anna', 'Katarzyna', 'Małgorzata', 'Agnieszka', 'Barbara', 'Ewa', 'Magdalena', 'Żaneta', 'Joanna',
      'Aleksandra', 'Zofia', 'Dorota', 'Jadwiga', 'Bożena', 'Grażyna', 'Łucja', 'Urszula', 'Elżbieta',
    ],
    surnames: [
      'Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak',
      'Dąbrowski', 'Kozłowski', 'Mazur', 'Krawczyk', 'Pawłowski', 'Michalski', 'Wróbel', 'Stępień', 'Jabłoński',
      'Sokołowski', 'Głowacki', 'Zawadzki', 'Ziółkowski', 'Żak', 'Łukasik', 'Ślusarczyk', 'Bąk', 'Kaźmierczak',
      'Czerwiński', 'Przybylski', 'Górski',
    ],
  },
  sk: {
    male: [
      'Ľubomír', 'Ján', 'Peter', 'Jozef', 'Michal', 'Martin', 'Tomáš', 'Marek', 'Juraj', 'Dušan', 'Ľuboš', 'Matúš',
      'Miroslav', 'Štefan', 'Ondrej', 'Róbert', 'Radoslav', 'Igor',
    ],
    female: [
      'Mária', 'Zuzana', 'Katarína', 'Eva', 'Jana', 'Lucia', 'Ľudmila', 'Veronika', 'Martina', 'Monika', 'Zdenka',
      'Petra', 'Silvia', 'Dominika', 'Alžbeta', 'Božena', 'Danica', 'Ivana',
    ],
    surnames: [
      'Horváth', 'Kováč', 'Varga', 'Tóth', 'Baláž', 'Molnár', 'Šťastný', 'Novák', 'Lukáč', 'Krajčír', 'Ďuriš',
      'Ľupták', 'Čierny', 'Hruška', 'Mráz', 'Kráľ', 'Polák', 'Kollár', 'Gregor', 'Blaho', 'Šimko', 'Kučera',
      'Hudec', 'Bartoš', 'Marko', 'Švec', 'Sloboda', 'Zelený', 'Mikuláš', 'Bielik', 'Jurčo', 'Žiak',
    ],
  },
  en: {
    male: [
      'James', 'Oliver', 'Thomas', 'William', 'Harry', 'George', 'Daniel', 'Samuel', 'Jack', 'Edward', 'Liam',
      'Connor', 'Arjun', 'Imran',
    ],
    female: [
      'Emily', 'Charlotte', 'Sophie', 'Olivia', 'Amelia', 'Grace', 'Hannah', 'Lucy', 'Chloe', 'Isabelle',
      'Siobhan', 'Zoë', 'Priya', 'Aisha',
    ],
    surnames: [
      'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright',
      'Thompson', 'Evans', 'Walker', 'White', "O'Brien", 'Fitzgerald', 'Hughes', 'Clarke', 'Patel', 'Khan',
      'MacDonald', 'Lloyd-Jones',
    ],
  },
};
