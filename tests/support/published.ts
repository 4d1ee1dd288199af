/**
 * Published facts that several tests check, each from its own side (the query, the view model, the chart,
 * the page): written once here. They hold for data/ and for the frozen fixture, which keeps those rows.
 */

/** The financial year 2017/18, as a period key. */
export const FY1718 = '2017-04-03..2018-03-31';

/** The forces of England and Wales with no published offences figure for 2017/18, by name, sorted. */
export const E_AND_W_MISSING_1718 = [
  'Avon and Somerset',
  'Bedfordshire',
  'City of London',
  'Cumbria',
  'Metropolitan Police',
  'Norfolk',
  'South Yorkshire',
  'Staffordshire',
  'Warwickshire',
];

/** The forces with a 2017/18 figure in the fixture, most offences first: the Forces view's bars. */
export const FORCES_BY_COUNT_1718 = [
  'Greater Manchester',
  'South Wales',
  'Hampshire',
  'Kent',
  'Cleveland',
  'Sussex',
  'North Wales',
  'Gwent',
  'Surrey',
  'Dyfed-Powys',
];
