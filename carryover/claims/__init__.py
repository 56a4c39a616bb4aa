"""Article claims: reading the text, finding mentions, linking studies, judging claims."""
