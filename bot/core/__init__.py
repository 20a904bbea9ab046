"""Infrastructure every feature stands on: settings, the office file, clock and working
calendar, the message catalog, callback records, the outbox producer and dispatcher, pacing,
scheduling, the runtime, the application factory and the command line."""
