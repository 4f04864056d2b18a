"""The app's views as pages of st.navigation (outreach/ui/view.py: render_page).

One file per view, named after its Dutch address (`/vergelijken`; Schrijven is the root). Streamlit
runs the chosen file inside the page frame that view.render_page has drawn (header, sidebar,
scenario); each file only hands over to its view. Files rather than functions, so tests open a view
with AppTest.switch_page("outreach/ui/pages/vergelijken.py").
"""
