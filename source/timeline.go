package source

// extractTimeline lists the dated events the article states.
func extractTimeline(doc *Document) []Event {
	return []Event{}
}
