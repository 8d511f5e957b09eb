export * from './officeDay';
export * from './ticketNumber';
export * from './callOrder';
export * from './waitEstimate';
export * from './ticketStatus';
export * from './textFold';
export * from './workingTime';
export * from './holidays-vn';
