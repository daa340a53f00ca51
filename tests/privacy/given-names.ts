/**
 * Common Catalan and Spanish given names: a name detector's first word. Given names alone are no
 * personal data; a given name followed by a surname may be, and the scan asks for it to be listed
 * as invented (tests/fixtures/invented-people.txt).
 */
export const GIVEN_NAMES: ReadonlySet<string> = new Set(
  `
Adrià Adrián Àgata Agustí Agustín Aina Aitana Albert Alberto Alba Alejandro Alex Àlex Alexandre Alfons Alfonso
Alícia Alicia Alma Àlvar Álvaro Amparo Ana Andrés Andreu Àngel Ángel Àngela Ángela Àngels Anna Antoni Antonio
Antònia Antonia Araceli Arnau Assumpta Aurora Beatriz Begoña Berta Blanca Bernat Borja Carla Carles Carlos
Carme Carmen Carolina Caterina Cecília Cèlia Celia Clara Claudia Clàudia Concepció Concepción Cristian Cristina
Daniel Daniela David Diana Diego Dolors Dolores Eduard Eduardo Elena Elisa Elisabet Eloi Emili Emilio Emma
Enric Enrique Ernest Esteban Esteve Esther Eugènia Eulàlia Eva Fèlix Félix Ferran Fernando Francesc Francisco
Gabriel Gemma Gerard Glòria Gloria Guillem Guillermo Helena Hèctor Héctor Hugo Ignasi Ignacio Immaculada Inés
Irene Isabel Ismael Iván Jaume Javier Jesús Joan Joaquim Joaquín Jordi Jorge Josep José Josefa Juan Judit Julia
Júlia Laia Laura Lídia Lidia Llorenç Lluís Lluïsa Lola Lorena Lucía Lúcia Luis Luisa Manel Manuel Manuela Marc
Marcos Margarida Margarita Maria María Marina Mario Marta Martí Martín Mateu Mercè Mercedes Meritxell Miguel
Miquel Mireia Mònica Mónica Montse Montserrat Natàlia Natalia Neus Núria Nuria Oriol Òscar Óscar Pablo Paco
Patricia Pau Paula Pedro Pep Pepe Pere Pilar Pol Queralt Rafael Ramon Ramón Raquel Raúl Ricard Ricardo Roberto
Robert Rosa Rosario Roser Rubén Salvador Sandra Santiago Sara Sergi Sergio Sílvia Silvia Sofía Sònia Sonia
Susana Teresa Toni Vicente Vicenç Víctor Vicky Xavier Yolanda
`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

/**
 * Capitalised words that follow a given name without being a surname (sentence starts in the
 * project's texts).
 */
export const NOT_SURNAMES: ReadonlySet<string> = new Set(['Com', 'Per', 'Amb', 'The', 'And']);
