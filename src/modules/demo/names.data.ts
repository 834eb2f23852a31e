/**
 * Names and places for the synthetic Northshire partnership. Every list is ordered most common first, and is
 * drawn from with a Zipf-like skew, so a few names are very common (as Smith, Khan, Oliver and Amelia are in
 * England) and most are rare: record linkage behaves very differently on common and rare names, so the skew
 * matters as much as the names. The lists are written for this project from general knowledge of names
 * common in England and Wales by era and heritage; no person is meant. Northshire, its towns, streets and
 * "NS" postcodes are fictional.
 */

/** Heritage groups whose names the generator draws on; a family of mixed heritage takes one parent from each. */
export const Heritage = ['white-british', 'south-asian', 'black-british', 'eastern-european', 'irish'] as const
export type Heritage = (typeof Heritage)[number]

export type NamePool = {
  /** Children born 2008–2026. */
  readonly boys: readonly string[]
  readonly girls: readonly string[]
  /** Parents born 1970–2005. */
  readonly men: readonly string[]
  readonly women: readonly string[]
  readonly surnames: readonly string[]
}

/** Shares of families by heritage ("mixed": parents of two heritages), roughly as in an English county with a city. */
export const heritageShares: readonly (readonly [Heritage | 'mixed', number])[] = [
  ['white-british', 68],
  ['south-asian', 11],
  ['black-british', 6],
  ['eastern-european', 7],
  ['irish', 3],
  ['mixed', 5],
]

// prettier-ignore
const whiteBritish: NamePool = {
  boys: [
    'Oliver', 'Harry', 'George', 'Jack', 'Noah', 'Charlie', 'Jacob', 'Alfie', 'Freddie', 'Oscar', 'Leo', 'Thomas',
    'Arthur', 'Archie', 'Theo', 'Henry', 'Joshua', 'James', 'William', 'Isaac', 'Ethan', 'Logan', 'Lucas',
    'Teddy', 'Mason', 'Riley', 'Finley', 'Max', 'Harrison', 'Samuel', 'Daniel', 'Dylan', 'Joseph', 'Alexander',
    'Tommy', 'Jaxon', 'Kai', 'Ronnie', 'Reggie', 'Albie', 'Louie', 'Toby', 'Jake', 'Tyler', 'Lewis', 'Callum',
    'Kyle', 'Ryan', 'Liam', 'Jayden', 'Bobby', 'Frankie', 'Elijah', 'Zachary', 'Luca', 'Sonny', 'Rory', 'Stanley',
    'Jenson', 'Hugo', 'Edward', 'Benjamin', 'Frederick', 'Alfred', 'Theodore', 'Harvey', 'Jude', 'Ollie', 'Bailey',
    'Connor', 'Kian', 'Brandon', 'Jamie', 'Aaron', 'Owen', 'Cameron', 'Matthew', 'Nathan', 'Reuben', 'Albert',
    'Jesse', 'Ellis', 'Cole', 'Ezra', 'Rowan', 'Eli', 'Jasper', 'Louis', 'Sebastian', 'Caleb', 'Rhys', 'Evan',
  ],
  girls: [
    'Olivia', 'Amelia', 'Isla', 'Ava', 'Lily', 'Freya', 'Ivy', 'Florence', 'Isabella', 'Mia', 'Sophia', 'Evie',
    'Grace', 'Poppy', 'Ella', 'Emily', 'Sophie', 'Jessica', 'Chloe', 'Ruby', 'Millie', 'Daisy', 'Phoebe', 'Willow',
    'Sienna', 'Isabelle', 'Charlotte', 'Layla', 'Rosie', 'Maisie', 'Harper', 'Matilda', 'Esme', 'Elsie',
    'Scarlett', 'Lola', 'Holly', 'Megan', 'Lacey', 'Leah', 'Hannah', 'Erin', 'Amber', 'Eva', 'Imogen', 'Summer',
    'Bethany', 'Molly', 'Ellie', 'Katie', 'Courtney', 'Caitlin', 'Paige', 'Jasmine', 'Aaliyah', 'Eleanor',
    'Elizabeth', 'Alice', 'Violet', 'Aria', 'Darcey', 'Lottie', 'Bonnie', 'Harriet', 'Abigail', 'Georgia',
    'Lucy', 'Madison', 'Niamh', 'Tilly', 'Mollie', 'Gracie', 'Lexi', 'Skye', 'Maya', 'Robyn', 'Evelyn', 'Penelope',
    'Thea', 'Orla', 'Nancy', 'Eliza', 'Emilia', 'Ada', 'Heidi', 'Hallie', 'Lyla', 'Rose', 'Zara', 'Kayla',
  ],
  men: [
    'David', 'Daniel', 'James', 'Christopher', 'Michael', 'Matthew', 'Mark', 'Paul', 'Andrew', 'Richard', 'Lee',
    'Craig', 'Jamie', 'Ryan', 'Dean', 'Wayne', 'Scott', 'Carl', 'Darren', 'Gary', 'Stuart', 'Steven', 'Jason',
    'Anthony', 'Thomas', 'Adam', 'Ben', 'Luke', 'Liam', 'Jordan', 'Kieran', 'Aaron', 'Ashley', 'Nathan', 'Shane',
    'Jake', 'Connor', 'Bradley', 'Kyle', 'Ricky', 'Robert', 'Jonathan', 'Nicholas', 'Simon', 'Neil', 'Martin',
    'Joe', 'Sam', 'Tom', 'Callum', 'Josh', 'Lewis', 'Danny', 'Mitchell', 'Reece', 'Dale', 'Kevin',
    'Stephen', 'Peter', 'Alex', 'Jack', 'Owen', 'Karl', 'Gavin', 'Ian', 'Phillip', 'Marc', 'Sean', 'Tony',
  ],
  women: [
    'Sarah', 'Laura', 'Emma', 'Rebecca', 'Gemma', 'Claire', 'Nicola', 'Kelly', 'Lisa', 'Amy', 'Jennifer', 'Samantha',
    'Hayley', 'Stacey', 'Leanne', 'Kirsty', 'Natalie', 'Danielle', 'Louise', 'Michelle', 'Katie', 'Charlotte',
    'Jade', 'Chelsea', 'Lauren', 'Sophie', 'Hannah', 'Jessica', 'Amber', 'Shannon', 'Toni', 'Kerry', 'Donna',
    'Joanne', 'Tracey', 'Zoe', 'Victoria', 'Stephanie', 'Rachel', 'Jodie', 'Carly', 'Tanya', 'Katherine',
    'Elizabeth', 'Helen', 'Catherine', 'Jenna', 'Abbie', 'Bethany', 'Megan', 'Chloe', 'Georgia', 'Holly',
    'Kayleigh', 'Sian', 'Jemma', 'Vicky', 'Becky', 'Jess', 'Naomi', 'Alison', 'Angela', 'Kimberley', 'Leah',
  ],
  surnames: [
    'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson', 'Roberts',
    'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall', 'Lewis', 'Harris',
    'Clarke', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward', 'Morris', 'Moore', 'Clark', 'Lee',
    'King', 'Baker', 'Harrison', 'Morgan', 'Allen', 'James', 'Scott', 'Phillips', 'Watson', 'Davis', 'Parker',
    'Price', 'Bennett', 'Young', 'Griffiths', 'Mitchell', 'Kelly', 'Cook', 'Carter', 'Richardson', 'Bailey',
    'Collins', 'Bell', 'Shaw', 'Murphy', 'Miller', 'Cox', 'Richards', 'Marshall', 'Anderson', 'Simpson', 'Ellis',
    'Adams', 'Wilkinson', 'Foster', 'Chapman', 'Powell', 'Webb', 'Rogers', 'Gray', 'Mason', 'Hunt', 'Campbell',
    'Matthews', 'Owen', 'Palmer', 'Holmes', 'Mills', 'Barnes', 'Knight', 'Lloyd', 'Butler', 'Russell', 'Barker',
    'Fisher', 'Stevens', 'Jenkins', 'Murray', 'Dixon', 'Harvey', 'Graham', 'Pearson', 'Fletcher', 'Walsh',
    'Gibson', 'Howard', 'Andrews', 'Stewart', 'Elliott', 'Reynolds', 'Saunders', 'Payne', 'Fox', 'Ford', 'Pearce',
    'Day', 'Brooks', 'West', 'Lawrence', 'Cole', 'Atkinson', 'Bradley', 'Spencer', 'Dawson', 'Ball', 'Burton',
    "O'Brien", 'Watts', 'Rose', 'Booth', 'Perry', 'Ryan', 'Grant', 'Wells', 'Armstrong', 'Francis', 'Rees',
    'Hayes', 'Hart', 'Hudson', 'Newman', 'Barrett', 'Webster', 'Hunter', 'Gregory', 'Carr', 'Lowe', 'Page',
    'Marsh', 'Riley', 'Dunn', 'Woods', 'Parsons', 'Berry', 'Stone', 'Reid', 'Holland', 'Hawkins', 'Harding',
    'Porter', 'Robertson', 'Newton', 'Oliver', 'Reed', 'Kennedy', 'Williamson', 'Bird', 'Gardner', 'Dean', 'Lane',
    'Cooke', 'Bates', 'Henderson', 'Parry', 'Burgess', 'Bishop', 'Walton', 'Burns', 'Nicholson', 'Shepherd',
    'Ross', 'Cross', 'Long', 'Freeman', 'Warren', 'Nicholls', 'Hamilton', 'Sutton', 'McDonald', 'Yates',
    'Hodgson', 'Robson', 'Curtis', 'Hopkins', 'Harper', 'Coleman', 'Watkins', 'Moss', 'Chambers', 'Griffin',
    'Sharp', 'Hardy', 'Wheeler', 'Potter', 'Osborne', 'Johnston', 'Gordon', 'Wallace', 'George', 'Jordan',
    'Hutchinson', 'Rowe', 'May', 'Pritchard', 'Gilbert', 'Willis', 'Higgins', 'Read', 'Miles', 'Stevenson',
    'Stephenson', 'Hammond', 'Arnold', 'Buckley', 'Walters', 'Hewitt', 'Barber', 'Nelson', 'Slater', 'Austin',
    'Whitehead', 'Mann', 'Frost', 'Lambert', 'Stephens', 'Blake', 'Goodwin', 'Barton', 'Woodward', 'Thomson',
    'Cunningham', 'Barnett', 'Baxter', 'Clayton', 'Nash', 'Greenwood', 'Jennings', 'Holt', 'Kemp', 'Poole',
    'Bond', 'Stokes', 'Tucker', 'Davidson', 'Fowler', 'Heath', 'Norman', 'Middleton', 'Lawson', 'Banks', 'French',
    'Stanley', 'Jarvis', 'Gibbs', 'Ferguson', 'Hayward', 'Douglas', 'Dickinson', 'Todd', 'Barlow', 'Peters',
    'Lucas', 'Knowles', 'Hartley', 'Simmons', 'Morton', 'Field', 'Morrison', 'Norris', 'Townsend', 'Preston',
    'Hancock', 'Thornton', 'Baldwin', 'Burrows', 'Briggs', 'Storey', 'Pugh', 'Ashworth', 'Whittaker', 'Ogden',
  ],
}

// prettier-ignore
const southAsian: NamePool = {
  boys: [
    'Muhammad', 'Mohammed', 'Ibrahim', 'Yusuf', 'Zayn', 'Ayaan', 'Hamza', 'Ali', 'Aarav', 'Musa', 'Adam', 'Zain',
    'Rayyan', 'Arjun', 'Haris', 'Idris', 'Yahya', 'Eesa', 'Omar', 'Zakariya', 'Ahmed', 'Rehan', 'Vihaan',
    'Mohammad', 'Dev', 'Harjot', 'Arman', 'Ayan', 'Hassan', 'Bilal', 'Faris', 'Aryan', 'Krish', 'Rohan', 'Jasdeep',
    'Ishaan', 'Mikail', 'Sami', 'Nabeel', 'Abdullah', 'Shayan', 'Taha', 'Raheem', 'Sahil', 'Kabir',
  ],
  girls: [
    'Aisha', 'Maryam', 'Fatima', 'Zara', 'Hafsa', 'Inaya', 'Amira', 'Anaya', 'Aleena', 'Khadija', 'Zainab',
    'Hana', 'Simran', 'Priya', 'Anika', 'Jasleen', 'Manveer', 'Ayesha', 'Sara', 'Mariam', 'Safa', 'Alisha', 'Sana',
    'Amelia', 'Eshal', 'Noor', 'Aliza', 'Hiba', 'Iqra', 'Laiba', 'Riya', 'Diya', 'Anya', 'Mehreen', 'Sofia',
    'Mahnoor', 'Zoya', 'Ruqayyah', 'Tahmina', 'Navreet', 'Harleen', 'Kiran', 'Tara',
  ],
  men: [
    'Mohammed', 'Muhammad', 'Imran', 'Asif', 'Tariq', 'Shahid', 'Kamran', 'Naveed', 'Faisal', 'Rizwan', 'Sajid',
    'Abdul', 'Mohammad', 'Raj', 'Sunil', 'Vikram', 'Amit', 'Rakesh', 'Gurpreet', 'Harpreet', 'Jaswinder', 'Zahid',
    'Nadeem', 'Waqas', 'Usman', 'Adeel', 'Shabir', 'Rashid', 'Mahmood', 'Sanjay', 'Ravi', 'Kuldip', 'Jagdeep',
    'Arif', 'Saeed', 'Yasir', 'Shoaib', 'Kashif', 'Abu', 'Jamal',
  ],
  women: [
    'Nazia', 'Shazia', 'Samina', 'Fatima', 'Ayesha', 'Sana', 'Rubina', 'Farzana', 'Nasreen', 'Rukhsana', 'Priya',
    'Anjali', 'Sunita', 'Kiran', 'Manjit', 'Harjit', 'Rajinder', 'Saima', 'Amina', 'Shabana', 'Salma', 'Nadia',
    'Asma', 'Sadia', 'Hina', 'Uzma', 'Bushra', 'Sabrina', 'Mumtaz', 'Parveen', 'Taslima', 'Shirin', 'Deepa',
    'Neelam', 'Sukhjit', 'Rupinder', 'Aneela', 'Mehwish',
  ],
  surnames: [
    'Khan', 'Ali', 'Ahmed', 'Hussain', 'Patel', 'Shah', 'Akhtar', 'Iqbal', 'Mahmood', 'Rahman', 'Islam', 'Uddin',
    'Miah', 'Malik', 'Sharma', 'Kumar', 'Chowdhury', 'Rashid', 'Hussein', 'Mistry', 'Parmar', 'Chauhan', 'Anwar',
    'Aslam', 'Butt', 'Qureshi', 'Raza', 'Saleem', 'Javed', 'Nawaz', 'Hossain', 'Ahmad', 'Mohammed', 'Zaman',
    'Bashir', 'Yousaf', 'Latif', 'Sheikh', 'Siddiqui', 'Mirza', 'Joshi', 'Desai', 'Lad', 'Solanki', 'Rana',
  ],
}

/** Sikh family names: sons and fathers also carry Singh, daughters and mothers Kaur. */
// prettier-ignore
export const sikhSurnames: readonly string[] = ['Sandhu', 'Gill', 'Dhillon', 'Sidhu', 'Bains', 'Johal', 'Grewal', 'Atwal', 'Sahota', 'Bassi']

/** Surnames some Muslim women of Bangladeshi or Pakistani heritage carry instead of their husband's or father's. */
export const womensTitleSurnames: readonly string[] = ['Begum', 'Bibi']

// prettier-ignore
const blackBritish: NamePool = {
  boys: [
    'Joshua', 'Daniel', 'David', 'Samuel', 'Emmanuel', 'Isaac', 'Elijah', 'Malachi', 'Jayden', 'Nathaniel',
    'Tobi', 'Tayo', 'Kwame', 'Kofi', 'Chidi', 'Ayo', 'Abdi', 'Mohamed', 'Kyrie', 'Micah', 'Josiah', 'Jeremiah',
    'Caleb', 'Tyrese', 'Kai', 'Marcus', 'Osagie', 'Ife', 'Nathan', 'Jamal', 'Zion', 'Tyler', 'Ezekiel', 'Adebayo',
    'Kayden', 'Omari', 'Jaden', 'Mustafa', 'Ahmed', 'Hamza',
  ],
  girls: [
    'Grace', 'Precious', 'Blessing', 'Favour', 'Nia', 'Amara', 'Ama', 'Abena', 'Zuri', 'Imani', 'Esther',
    'Comfort', 'Hodan', 'Ayan', 'Deborah', 'Tiana', 'Kiara', 'Aaliyah', 'Destiny', 'Faith', 'Adaeze', 'Simi',
    'Anaya', 'Jada', 'Naomi', 'Ruth', 'Hawa', 'Sagal', 'Ifeoma', 'Chantelle', 'Keisha', 'Shanice', 'Asia',
    'Nevaeh', 'Tamara', 'Sumaya', 'Hibaaq', 'Maryam', 'Ruby', 'Mercy',
  ],
  men: [
    'Emmanuel', 'Samuel', 'Kwame', 'Kofi', 'Chinedu', 'Olumide', 'Tunde', 'Babatunde', 'Delroy', 'Winston', 'Leon',
    'Marcus', 'Jermaine', 'Andre', 'Abdirahman', 'Mohamed', 'Daniel', 'David', 'Michael', 'Kevin', 'Clive',
    'Trevor', 'Femi', 'Segun', 'Kwabena', 'Yaw', 'Abdi', 'Ahmed', 'Dwayne', 'Tyrone', 'Nathaniel', 'Joseph',
    'Chukwuemeka', 'Obinna', 'Desmond',
  ],
  women: [
    'Grace', 'Funmilayo', 'Adaeze', 'Abena', 'Akosua', 'Ngozi', 'Patience', 'Sharon', 'Marcia', 'Natasha',
    'Shanice', 'Simone', 'Hodan', 'Fadumo', 'Blessing', 'Comfort', 'Joy', 'Esther', 'Yewande', 'Chioma', 'Abimbola',
    'Nicole', 'Tanisha', 'Kemi', 'Folake', 'Amina', 'Hawa', 'Ifeoma', 'Precious', 'Janet', 'Yvonne', 'Donna',
  ],
  surnames: [
    'Okafor', 'Adeyemi', 'Mensah', 'Osei', 'Boateng', 'Owusu', 'Asante', 'Okonkwo', 'Adebayo', 'Ogunleye',
    'Afolabi', 'Nwosu', 'Eze', 'Kamara', 'Conteh', 'Bangura', 'Mohamed', 'Abdi', 'Hassan', 'Yusuf', 'Warsame',
    'Farah', 'Campbell', 'Williams', 'Brown', 'Francis', 'Grant', 'Clarke', 'Thomas', 'Johnson', 'Henry',
    'Richards', 'Reid', 'Edwards', 'Bailey', 'Morgan', 'Adjei', 'Agyeman', 'Oduya', 'Ibrahim', 'Ali', 'Omar',
    'Ogbonna', 'Babatunde', 'Okoro', 'Amoah', 'Appiah', 'Lewis', 'McKenzie', 'Stewart',
  ],
}

// prettier-ignore
const easternEuropean: NamePool = {
  boys: [
    'Jakub', 'Filip', 'Szymon', 'Antoni', 'Aleksander', 'Mateusz', 'Kacper', 'Oliwer', 'Andrei', 'Luca', 'Matei',
    'David', 'Lukas', 'Matas', 'Dominik', 'Adam', 'Nikodem', 'Wiktor', 'Michał', 'Franciszek', 'Ignacy', 'Stefan',
    'Darius', 'Ionuț', 'Tomas', 'Kajus', 'Emilis', 'Daniel', 'Patryk', 'Bartosz', 'Igor', 'Maksymilian', 'Gabriel',
  ],
  girls: [
    'Zuzanna', 'Julia', 'Maja', 'Zofia', 'Hanna', 'Lena', 'Amelia', 'Oliwia', 'Natalia', 'Maria', 'Ioana', 'Sofia',
    'Emilija', 'Gabija', 'Alicja', 'Wiktoria', 'Nikola', 'Antonina', 'Laura', 'Patricia', 'Andreea', 'Bianca',
    'Ugnė', 'Kornelia', 'Martyna', 'Weronika', 'Zoja', 'Liliana', 'Gabriela', 'Milena', 'Karolina', 'Daria',
  ],
  men: [
    'Piotr', 'Tomasz', 'Krzysztof', 'Marcin', 'Paweł', 'Łukasz', 'Michał', 'Andrzej', 'Ionuț', 'Mihai', 'Florin',
    'Adrian', 'Darius', 'Tomas', 'Mindaugas', 'Kamil', 'Grzegorz', 'Mariusz', 'Dariusz', 'Rafał', 'Marius',
    'Constantin', 'Vasile', 'Gheorghe', 'Andrius', 'Rolandas', 'Jānis', 'Sebastian', 'Damian', 'Artur',
  ],
  women: [
    'Anna', 'Katarzyna', 'Agnieszka', 'Magdalena', 'Joanna', 'Monika', 'Ewa', 'Małgorzata', 'Elena', 'Mihaela',
    'Andreea', 'Irina', 'Rasa', 'Jurgita', 'Inga', 'Justyna', 'Karolina', 'Aleksandra', 'Marta', 'Dorota', 'Beata',
    'Alina', 'Cristina', 'Ionela', 'Daiva', 'Kristina', 'Ilze', 'Paulina', 'Natalia', 'Sylwia',
  ],
  surnames: [
    'Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński',
    'Szymański', 'Woźniak', 'Dąbrowski', 'Kozłowski', 'Jankowski', 'Mazur', 'Krawczyk', 'Popescu', 'Ionescu',
    'Popa', 'Stan', 'Dumitru', 'Constantin', 'Radu', 'Munteanu', 'Kazlauskas', 'Jankauskas', 'Petrauskas',
    'Stankevičius', 'Ozols', 'Bērziņš', 'Kaczmarek', 'Piotrowski', 'Grabowski', 'Nowakowski', 'Pawłowski',
    'Michalski', 'Wróbel', 'Jabłoński', 'Horváth', 'Novák', 'Dvořák', 'Ivanov', 'Petrov', 'Georgiev',
  ],
}

// prettier-ignore
const irish: NamePool = {
  boys: ['Jack', 'Cian', 'Oisín', 'Conor', 'Seán', 'Liam', 'Darragh', 'Fionn', 'Cillian', 'Tadhg', 'Rory', 'Daniel', 'Patrick', 'Ronan', 'Eoin', 'Finn', 'Ciarán'],
  girls: ['Aoife', 'Niamh', 'Saoirse', 'Ciara', 'Caoimhe', 'Róisín', 'Siobhan', 'Orla', 'Erin', 'Sinéad', 'Clodagh', 'Aisling', 'Méabh', 'Grace', 'Ellie', 'Emily'],
  men: ['Declan', 'Pádraig', 'Eoin', 'Ciarán', 'Brendan', 'Kevin', 'Seán', 'Colm', 'Niall', 'Patrick', 'Michael', 'John', 'Conor', 'Dermot', 'Liam', 'Shane'],
  women: ['Siobhan', 'Sinéad', 'Niamh', 'Aoife', 'Bridget', 'Róisín', 'Mairéad', 'Deirdre', 'Gráinne', 'Ciara', 'Mary', 'Orla', 'Sharon', 'Caroline', 'Clare'],
  surnames: [
    'Murphy', 'Kelly', "O'Sullivan", 'Walsh', "O'Brien", 'Byrne', 'Ryan', "O'Connor", "O'Neill", "O'Reilly",
    'Doyle', 'McCarthy', 'Gallagher', 'Doherty', 'Kennedy', 'Lynch', 'Murray', 'Quinn', 'Moore', 'McLoughlin',
    'Brennan', 'Fitzgerald', 'Maguire', 'Connolly', 'Nolan', 'Dunne', 'Kavanagh', 'Brady', "O'Donnell", 'McMahon',
  ],
}

export const namePools: Readonly<Record<Heritage, NamePool>> = {
  'white-british': whiteBritish,
  'south-asian': southAsian,
  'black-british': blackBritish,
  'eastern-european': easternEuropean,
  irish,
}

/** Grandparents (born 1950–1975), whatever the family's heritage draws for the parents. */
// prettier-ignore
export const olderWomen: readonly string[] = [
  'Susan', 'Linda', 'Christine', 'Margaret', 'Janet', 'Patricia', 'Carol', 'Elaine', 'Julie', 'Karen', 'Jacqueline',
  'Denise', 'Sandra', 'Lorraine', 'Maureen', 'Pauline', 'Wendy', 'Tracy', 'Deborah', 'Jean', 'Gillian', 'Anne',
]
// prettier-ignore
export const olderMen: readonly string[] = [
  'John', 'David', 'Peter', 'Michael', 'Stephen', 'Paul', 'Robert', 'Alan', 'Brian', 'Keith', 'Gary', 'Kevin',
  'Ian', 'Graham', 'Trevor', 'Colin', 'Barry', 'Terry', 'Roger', 'Philip', 'Malcolm', 'Derek',
]

/** Polish surnames agree with the bearer's sex: Kowalski, Kowalska. */
export function feminineSurname(surname: string, heritage: Heritage): string {
  if (heritage !== 'eastern-european') return surname
  if (/(ski|cki|dzki)$/.test(surname)) return `${surname.slice(0, -1)}a`
  if (/ius$/.test(surname)) return `${surname.slice(0, -3)}ienė` // Lithuanian: Stankevičius, Stankevičienė
  if (/as$/.test(surname)) return `${surname.slice(0, -2)}ienė` // Kazlauskas, Kazlauskienė
  return surname
}

// ---------------------------------------------------------------------------------------------- places

/** Northshire's postcode districts (outward codes) and the town each serves, with its share of households. */
export const districts: readonly { readonly outward: string; readonly town: string; readonly share: number }[] = [
  { outward: 'NS1', town: 'Northam', share: 14 },
  { outward: 'NS2', town: 'Northam', share: 13 },
  { outward: 'NS3', town: 'Northam', share: 12 },
  { outward: 'NS4', town: 'Castlegate', share: 12 },
  { outward: 'NS5', town: 'Millbrook', share: 11 },
  { outward: 'NS6', town: 'Eastholme', share: 10 },
  { outward: 'NS7', town: 'Harbourside', share: 11 },
  { outward: 'NS8', town: 'Westerby', share: 9 },
  { outward: 'NS9', town: 'Thornley', share: 8 },
]

/** Fictional places outside Northshire, where families arrive from and where children are found when missing. */
export const elsewhere: readonly { readonly outward: string; readonly town: string }[] = [
  { outward: 'RV3', town: 'Riverside' },
  { outward: 'RV7', town: 'Riverside' },
  { outward: 'KB2', town: 'Kingsbury' },
  { outward: 'SF5', town: 'Southford' },
]

// prettier-ignore
export const streetStems: readonly string[] = [
  'Church', 'Station', 'Victoria', 'Park', "Queen's", 'King', 'Mill', 'High', 'Albert', 'Manor', 'Chapel', 'Grove',
  'School', 'Springfield', 'Windsor', 'Oak', 'Beech', 'Elm', 'Ash', 'Willow', 'Meadow', 'Orchard', 'Green',
  'Stanley', 'Mount', 'North', 'South', 'West', 'East', 'New', 'Cemetery', 'Market', 'Bridge', 'Castle',
  'Harbour', 'Moor', 'Brook', 'Hawthorn', 'Chestnut', 'Cedar', 'Heather', 'Primrose', 'Bluebell', 'Nelson',
  'Wellington', 'Trafalgar', 'Gladstone', 'Cromwell', 'Balmoral', 'York', 'Lancaster', 'Clarence', 'Russell',
  'Hollins', 'Fern', 'Rydal', 'Coniston', 'Thirlmere', 'Fairfield', 'Rosebery', 'Tennyson', 'Shelley', 'Keats',
  'Milton', 'Chaucer', 'Kingfisher', 'Swallow', 'Heron', 'Lapwing', 'Curlew', 'Falcon', 'Linnet',
]
// prettier-ignore
export const streetSuffixes: readonly string[] = [
  'Road', 'Street', 'Lane', 'Avenue', 'Close', 'Drive', 'Way', 'Gardens', 'Crescent', 'Terrace', 'Grove', 'Court',
  'Place', 'Walk', 'View', 'Rise',
]

/** Names for GP practices, used in order and then combined with districts' towns for larger partnerships. */
// prettier-ignore
export const gpPracticeNames: readonly string[] = [
  'Riverside Medical Centre', 'Castle Street Surgery', 'Millbrook Health Centre', 'Northgate Family Practice',
  'The Willows Surgery', 'Harbour View Medical Practice', 'Thornley Village Surgery', 'Westerby Road Surgery',
  'Eastholme Medical Group', 'Parkside Surgery', 'The Old School Surgery', 'Beechwood Medical Centre',
]

// prettier-ignore
export const primarySchoolNames: readonly string[] = [
  'Northam Primary School', "St Mary's Church of England Primary School", 'Millbrook Community Primary School',
  'Castlegate Infant and Junior School', 'Harbourside Primary Academy', "St Joseph's Catholic Primary School",
  'Thornley Church of England Primary School', 'Eastholme Park Primary School', 'Westerby Meadows Primary School',
  'Oakfield Primary School', 'Brookside Academy', 'Greenbank Primary School',
]

// prettier-ignore
export const secondarySchoolNames: readonly string[] = [
  'Castlegate Academy', 'Northam High School', "St Aidan's Catholic High School", 'Millbrook School',
  'Harbourside Academy', 'Eastholme Community College', 'Westerby High School', 'Thornley School',
]

/** Words for further schools and practices in a large partnership: "Fernhill Primary School". */
// prettier-ignore
export const placeWords: readonly string[] = [
  'Fernhill', 'Ashgrove', 'Birchwood', 'Hollybank', 'Longmoor', 'Redbrook', 'Whitecross', 'Stonebridge',
  'Fairview', 'Highfield', 'Lowfield', 'Kingsmead', 'Moorside', 'Oldfield', 'Broadway', 'Southgate', 'Newlands',
  'Woodlands', 'Hillside', 'Lakeside', 'Greenway', 'Elmfield', 'Rosehill', 'Westfield', 'Marshlands', 'Heathfield',
]
