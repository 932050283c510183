package testkit

import (
	"reflect"
	"testing"
)

func TestAceReport(t *testing.T) {
	report := []byte(`{"earl:result": {"earl:outcome": "fail"}, "assertions": [
	  {"earl:testSubject": {"url": "xhtml/cover.xhtml"}, "assertions": [
	    {"earl:result": {"earl:outcome": "fail"}, "earl:test": {"earl:impact": "serious", "dct:title": "image-alt"}},
	    {"earl:result": {"earl:outcome": "pass"}, "earl:test": {"earl:impact": "minor", "dct:title": "region"}}]},
	  {"earl:testSubject": {"url": "xhtml/title.xhtml"}, "assertions": [
	    {"earl:result": {"earl:outcome": "fail"}, "earl:test": {"earl:impact": "critical", "dct:title": "html-has-lang"}}]},
	  {"earl:testSubject": {"url": "xhtml/notes.xhtml"}, "assertions": []}]}`)
	got, err := AceReport(report)
	if err != nil {
		t.Fatal(err)
	}
	want := []AceViolation{
		{Impact: "critical", Rule: "html-has-lang", File: "xhtml/title.xhtml"},
		{Impact: "serious", Rule: "image-alt", File: "xhtml/cover.xhtml"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if _, err := AceReport([]byte("<html>")); err == nil {
		t.Error("a report that is not JSON was read")
	}
}
